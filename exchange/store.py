"""Storing a parsed bundle with set-based upserts (each app's ``bundle.py`` says what).

Each file's rows go into a temporary staging table (PostgreSQL: COPY; SQLite:
executemany), then one ``UPDATE .. FROM stage WHERE <something changed>`` and one
``INSERT .. SELECT .. WHERE NOT EXISTS`` write them. Rows that did not change are not touched, so a second
import of the same bundle changes nothing. Columns the bundle does not carry (client
names, the request for help, notes) are set on insert and never overwritten."""

from collections.abc import Callable, Iterable, Mapping, Sequence

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from exchange import registry
from exchange.parse import Parsed

Progress = Callable[[str, int, int], None]
CHUNK = 50_000


class Store:
    def __init__(self, progress: Progress | None = None):
        self.vendor = connection.vendor
        self.progress = progress or (lambda *args: None)
        self.now = timezone.now()
        self.changed: dict[str, int] = {}
        self.ids: dict[str, dict] = {}  # "dossiers", "clients", ...: bundle ref -> id, filled by the parts

    # ---- generic machinery --------------------------------------------------------------

    def _stage(self, cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence],
               refs: Mapping[str, tuple[str, str]]) -> str:
        """A temporary table like ``table`` with ``rows``; a column in ``refs`` arrives as the
        key of the row it points at (``refs[column]``: that table and its key column) and is
        set to that row's id here, by a join (no dict of a million keys -> ids in Python)."""
        stage = f"stage_{table}"
        cursor.execute(f"DROP TABLE IF EXISTS {stage}")
        cursor.execute(f"CREATE TEMP TABLE {stage} AS SELECT {', '.join(columns)} FROM {table} WHERE 1 = 0")
        loaded = [f"{c}__key" if c in refs else c for c in columns]
        for column in refs:
            cursor.execute(f"ALTER TABLE {stage} ADD COLUMN {column}__key text")
        if self.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {stage} ({', '.join(loaded)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {stage} ({', '.join(loaded)}) VALUES ({placeholders})"
            rows = iter(rows)
            while batch := [tuple(r) for _, r in zip(range(CHUNK), rows, strict=False)]:
                cursor.executemany(sql, batch)
        for column, (target, key) in refs.items():
            cursor.execute(f"UPDATE {stage} SET {column} = t.id FROM {target} t WHERE t.{key} = {stage}.{column}__key")
        return stage

    def upsert(
        self,
        label: str,
        table: str,
        columns: Sequence[str],
        rows: Iterable[Sequence],
        *,
        key: Sequence[str],
        compare: Sequence[str] = (),
        touch: Sequence[str] = (),
        ids: bool = False,
        refs: Mapping[str, tuple[str, str]] | None = None,
    ) -> dict:
        """Insert new rows, update rows whose ``compare`` columns differ (also setting
        ``touch`` columns), leave identical rows alone. Returns key -> id when ``ids``. The
        ``refs`` columns are given as keys and stored as ids (``_stage``).
        Callers hold the import lock, so no other import inserts the same keys meanwhile."""
        with connection.cursor() as cursor:
            stage = self._stage(cursor, table, columns, rows, refs or {})
            cols = ", ".join(columns)
            matches = " AND ".join(f"{table}.{k} = s.{k}" for k in key)
            changed = 0
            if compare:
                # Rows that exist and differ: update them. (A separate UPDATE and INSERT is
                # cheaper than INSERT .. ON CONFLICT when most rows are new.)
                sets = ", ".join(f"{c} = s.{c}" for c in (*compare, *touch))
                if self.vendor == "postgresql":
                    differs = (f"({', '.join(f'{table}.{c}' for c in compare)}) IS DISTINCT FROM "
                               f"({', '.join(f's.{c}' for c in compare)})")
                else:
                    differs = " OR ".join(f"{table}.{c} IS NOT s.{c}" for c in compare)
                cursor.execute(f"UPDATE {table} SET {sets} FROM {stage} s WHERE {matches} AND ({differs})")
                changed += max(cursor.rowcount, 0)
            cursor.execute(
                f"INSERT INTO {table} ({cols}) SELECT {', '.join(f's.{c}' for c in columns)} FROM {stage} s "
                f"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {matches})"
            )
            changed += max(cursor.rowcount, 0)
            self.changed[label] = self.changed.get(label, 0) + changed
            result = {}
            if ids:
                cursor.execute(f"SELECT t.{key[0]}, t.id FROM {table} t JOIN {stage} s ON s.{key[0]} = t.{key[0]}")
                result = dict(cursor)  # row by row: no list of a million tuples first
            cursor.execute(f"DROP TABLE {stage}")
        self.progress(_("stored %(file)s") % {"file": label}, changed, changed)
        return result

    def lookup(self, table: str, key: str, values: Iterable[str]) -> dict:
        values = sorted(set(values))
        found = {}
        with connection.cursor() as cursor:
            for start in range(0, len(values), 10_000):
                batch = values[start:start + 10_000]
                cursor.execute(
                    f"SELECT {key}, id FROM {table} WHERE {key} IN ({', '.join(['%s'] * len(batch))})",
                    batch,
                )
                found.update(cursor.fetchall())
        return found

    def client_ids(self, refs: Iterable[str | None]) -> dict:
        """ref -> id for clients a file names: stored by this import or already in the system."""
        known = self.ids.setdefault("clients", {})
        missing = {ref for ref in refs if ref and ref not in known}
        if missing:
            known.update(self.lookup("cases_client", "ref", missing))
        return known

    # ---- the bundle ------------------------------------------------------------------------

    def store(self, parsed: Parsed) -> dict[str, int]:
        """Every app's part in dependency order (``registry.parts()``)."""
        for part in registry.parts():
            part.store(self, parsed)
        return self.changed
