import time

from django.core.management.base import BaseCommand, CommandError

from cases.models import AccessAction, AccessLogEntry, Client, Team
from exchange.exporter import export_bundle


class Command(BaseCommand):
    help = "Export a bundle (folder, or .zip when PATH ends in .zip) of all teams, one team or one client."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--team", metavar="CODE", help="only the dossiers of this team")
        parser.add_argument("--client", metavar="REF", help="only this client's own data (portability request)")

    def handle(self, path, team, client, **options):
        team_obj = client_obj = None
        if team:
            team_obj = Team.objects.filter(code=team).first()
            if team_obj is None:
                raise CommandError(f"Team {team!r} bestaat niet.")
        if client:
            client_obj = Client.objects.filter(ref=client).first()
            if client_obj is None:
                raise CommandError(f"Cliënt {client!r} bestaat niet.")
        started = time.monotonic()
        counts = export_bundle(path, team=team_obj, client=client_obj)
        AccessLogEntry.objects.create(
            user=None, action=AccessAction.EXPORT, client=client_obj,
            detail=f"export_bundle {path} team={team or 'alle'}: {counts.get('dossiers.csv', 0)} dossiers",
        )
        summary = ", ".join(f"{name} {n}" for name, n in counts.items())
        self.stdout.write(f"Geëxporteerd in {time.monotonic() - started:.1f} s naar {path}: {summary}.")
