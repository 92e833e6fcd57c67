"""The reference data the migrations ship (ZRM instruments and the participatieladder, starter
referrers, the maatwerk catalogue, the client-experience statements, the shipped letters). A
transactional test's database is flushed afterwards, which removes them for the tests that
follow; ``restore`` puts them back with the migrations' own functions (all idempotent)."""

import importlib

REFERENCE_DATA = [  # (migration module, function)
    ("zrm.migrations.0002_instruments", "forwards"),
    ("zrm.migrations.0003_instrument_supplement", "mark_supplement"),
    ("cases.migrations.0003_starter_referrers", "forwards"),
    ("maatwerk.migrations.0002_starter_catalogue", "forwards"),
    ("zrm.migrations.0008_scored_with_and_participatieladder", "add_participatieladder"),
    ("voice.migrations.0002_default_statements", "add_default"),
    ("agenda.migrations.0002_shipped_letters", "install"),
]


def restore() -> None:
    from django.apps import apps

    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)
