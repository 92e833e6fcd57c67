"""The reference data the migrations ship (ZRM instruments, starter referrers and maatwerk
catalogue). A transactional test's database is flushed afterwards, which removes them for
the tests that follow; ``restore`` puts them back with the migrations' own functions (all
idempotent)."""

import importlib

REFERENCE_DATA = [  # (migration module, function)
    ("zrm.migrations.0002_instruments", "forwards"),
    ("zrm.migrations.0003_instrument_supplement", "mark_supplement"),
    ("cases.migrations.0003_starter_referrers", "forwards"),
    ("maatwerk.migrations.0002_starter_catalogue", "forwards"),
]


def restore() -> None:
    from django.apps import apps

    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)
