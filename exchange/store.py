"""Storing a parsed bundle with set-based upserts.

Each file's rows go into a temporary staging table (PostgreSQL: COPY; SQLite:
executemany), then one ``UPDATE .. FROM stage WHERE <something changed>`` and one
``INSERT .. SELECT .. WHERE NOT EXISTS`` write them. Rows that did not change are not touched, so a second
import of the same bundle changes nothing. Columns the bundle does not carry (client
names, the request for help, notes) are set on insert and never overwritten."""

import json
from collections.abc import Callable, Iterable, Sequence

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from exchange.parse import Parsed

Progress = Callable[[str, int, int], None]
CHUNK = 50_000


class Store:
    def __init__(self, progress: Progress | None = None):
        self.vendor = connection.vendor
        self.progress = progress or (lambda *args: None)
        self.now = timezone.now()
        self.changed: dict[str, int] = {}

    # ---- generic machinery --------------------------------------------------------------

    def _stage(self, cursor, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> str:
        stage = f"stage_{table}"
        cursor.execute(f"DROP TABLE IF EXISTS {stage}")
        cursor.execute(f"CREATE TEMP TABLE {stage} AS SELECT {', '.join(columns)} FROM {table} WHERE 1 = 0")
        if self.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {stage} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {stage} ({', '.join(columns)}) VALUES ({placeholders})"
            rows = iter(rows)
            while batch := [tuple(r) for _, r in zip(range(CHUNK), rows, strict=False)]:
                cursor.executemany(sql, batch)
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
    ) -> dict:
        """Insert new rows, update rows whose ``compare`` columns differ (also setting
        ``touch`` columns), leave identical rows alone. Returns key -> id when ``ids``.
        Callers hold the import lock, so no other import inserts the same keys meanwhile."""
        with connection.cursor() as cursor:
            stage = self._stage(cursor, table, columns, rows)
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
                result = dict(cursor.fetchall())
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

    # ---- the bundle ------------------------------------------------------------------------

    def store(self, parsed: Parsed) -> dict[str, int]:
        now = self.now
        self.upsert("teams.csv", "cases_team", ("code", "name", "population", "fte"),
                    ((c, n, p, f) for c, (n, p, f) in parsed.teams.items()),
                    key=("code",), compare=("name", "population", "fte"))
        self.upsert("referrers.csv", "cases_referrer", ("code", "name", "self_referral", "active"),
                    ((c, n, s, True) for c, (n, s) in parsed.referrers.items()),
                    key=("code",), compare=("name", "self_referral"))
        self.upsert("providers.csv", "maatwerk_provider", ("code", "name", "active"),
                    ((c, n, True) for c, n in parsed.providers.items()), key=("code",), compare=("name",))
        self.upsert("products.csv", "maatwerk_product", ("code", "name", "category", "active"),
                    ((c, n, cat, True) for c, (n, cat) in parsed.products.items()),
                    key=("code",), compare=("name", "category"))
        teams = self.lookup("cases_team", "code", (d.team for d in parsed.dossiers.values()))
        referrers = self.lookup("cases_referrer", "code", (d.referrer for d in parsed.dossiers.values() if d.referrer))
        products = self.lookup("maatwerk_product", "code", (r.product for r in parsed.referrals.values()))
        providers = self.lookup("maatwerk_provider", "code", (r.provider for r in parsed.referrals.values()))
        instruments = self.lookup("zrm_instrument", "code", (m.instrument for m in parsed.measurements.values()))

        clients = self.upsert(
            "clients.csv", "cases_client",
            ("ref", "bsn", "birth_date", "gender", "postcode", "given_name", "family_name", "address", "phone",
             "email", "created_at", "updated_at"),
            ((ref, *values, "", "", "", "", "", now, now) for ref, values in parsed.clients.items()),
            key=("ref",), compare=("bsn", "birth_date", "gender", "postcode"), touch=("updated_at",), ids=True,
        )
        named = {c for _d, c in parsed.members} | {m.client_ref for m in parsed.measurements.values()} | {
            r.client_ref for r in parsed.referrals.values()}
        clients.update(self.lookup("cases_client", "ref", (c for c in named if c and c not in clients)))

        workers = parsed.lead_workers
        dossiers = self.upsert(
            "dossiers.csv", "cases_dossier",
            ("ref", "team_id", "lead_worker_id", "lead_worker_ref", "referrer_id", "registered_on",
             "first_contact_on", "first_contact_location", "support_started_on", "closed_on", "closure_reason",
             "can_continue_independently", "client_rating", "request_summary", "created_at", "updated_at"),
            (
                (ref, teams[d.team], workers.get(d.lead_worker), "" if d.lead_worker in workers else d.lead_worker,
                 referrers.get(d.referrer), d.registered_on, d.first_contact_on, d.first_contact_location,
                 d.support_started_on, d.closed_on, d.closure_reason, d.can_continue_independently, d.client_rating,
                 "", now, now)
                for ref, d in parsed.dossiers.items()
            ),
            key=("ref",),
            compare=("team_id", "lead_worker_id", "lead_worker_ref", "referrer_id", "registered_on",
                     "first_contact_on", "first_contact_location", "support_started_on", "closed_on",
                     "closure_reason", "can_continue_independently", "client_rating"),
            touch=("updated_at",), ids=True,
        )
        dossiers.update({ref: values[0] for ref, values in parsed.existing_dossiers.items()})

        self.upsert("dossier_clients.csv", "cases_dossiermember", ("dossier_id", "client_id", "role"),
                    ((dossiers[d], clients[c], role) for (d, c), role in parsed.members.items()),
                    key=("dossier_id", "client_id"), compare=("role",))
        self.upsert("dossier_safeguards.csv", "cases_dossiersafeguard", ("dossier_id", "safeguard"),
                    ((dossiers[d], code) for d, code in parsed.safeguards), key=("dossier_id", "safeguard"))
        self._store_measurements(parsed, dossiers, clients, instruments)
        self.upsert(
            "referrals.csv", "maatwerk_referral",
            ("ref", "dossier_id", "client_id", "product_id", "provider_id", "form", "status", "requested_on",
             "decided_on", "starts_on", "ends_on", "notes", "objected", "objection_outcome", "created_at",
             "updated_at"),
            (
                (ref, dossiers[r.dossier_ref], clients.get(r.client_ref), products[r.product], providers[r.provider],
                 r.form, r.status, r.requested_on, r.decided_on, r.starts_on, r.ends_on, "", False, "", now, now)
                for ref, r in parsed.referrals.items()
            ),
            key=("ref",),
            compare=("dossier_id", "client_id", "product_id", "provider_id", "form", "status", "requested_on",
                     "decided_on", "starts_on", "ends_on"),
            touch=("updated_at",),
        )
        return self.changed

    def _store_measurements(self, parsed: Parsed, dossiers: dict, clients: dict, instruments: dict) -> None:
        now = self.now
        self.upsert(
            "zrm.csv", "zrm_measurement",
            ("ref", "dossier_id", "client_id", "instrument_id", "type", "measured_on", "scores", "created_by_id",
             "created_at", "updated_at"),
            (
                (ref, dossiers[m.dossier_ref], clients.get(m.client_ref), instruments[m.instrument], m.type,
                 m.measured_on, json.dumps(m.scores), None, now, now)
                for ref, m in parsed.measurements.items()
            ),
            key=("ref",), compare=("dossier_id", "client_id", "instrument_id", "type", "measured_on", "scores"),
            touch=("updated_at",),
        )
