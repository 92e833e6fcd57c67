import sys
import time

from django.core.management.base import BaseCommand, CommandError

from exchange.importer import import_bundle


class Command(BaseCommand):
    help = "Import a bundle (folder or .zip of CSV files, see specs/import-bundle.md): all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, store nothing")

    def handle(self, path, dry_run, verbosity, **options):
        started = time.monotonic()
        last = [0.0]

        def progress(step: str, done: int, total: int) -> None:
            if verbosity < 1:
                return
            now = time.monotonic()
            if done < total and now - last[0] < 1:
                return
            last[0] = now
            percent = 100 * done // total if total else 100
            sys.stderr.write(f"{step}: {done:,} / {total:,} ({percent}%)\n".replace(",", "."))

        result = import_bundle(path, dry_run=dry_run, progress=progress)
        for problem in result.problems:
            self.stderr.write(str(problem))
        seconds = time.monotonic() - started
        read = ", ".join(f"{name} {count}" for name, count in result.rows_read.items())
        if not result.ok:
            raise CommandError(f"{len(result.problems)} probleem/problemen gevonden; er is niets opgeslagen.")
        for warning in result.warnings:  # standard output: stderr holds the problems, one per line
            self.stdout.write(f"Let op: {warning}")
        if dry_run:
            found = "Geen problemen gevonden" + (", wel waarschuwingen (hierboven)" if result.warnings else "")
            self.stdout.write(f"{found} (proefimport, niets opgeslagen). Gelezen: {read}.")
            return
        changed = ", ".join(f"{name} {count}" for name, count in result.changed.items())
        self.stdout.write(f"Geïmporteerd in {seconds:.1f} s. Gelezen: {read}. Nieuw of gewijzigd: {changed}.")
