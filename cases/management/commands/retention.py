"""List what is due for destruction (manage.py retention)."""

from django.core.management.base import BaseCommand

from cases import retention


class Command(BaseCommand):
    help = "List the closed dossiers past their retention term, per data kind (docs/adr/0110)."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Also print the due dossiers' numbers.")

    def handle(self, *args, **options):
        for row in retention.due_summary():
            self.stdout.write(f"{row['kind']}: {row['count']} dossiers closed on or before "
                              f"{row['cutoff']:%d-%m-%Y} ({row['years']} years)")
            if options["list"]:
                for pk, team, closed_on in retention.due(row["kind"]).values_list("pk", "team__code", "closed_on"):
                    self.stdout.write(f"  {pk}\t{team}\t{closed_on:%d-%m-%Y}")
