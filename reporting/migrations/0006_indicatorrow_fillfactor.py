"""Room on every page of the indicator rows for the new version of a row: a recomputation
updates the computed_at of unchanged rows in place (a HOT update: no index entries, and the
old versions are pruned on the page without VACUUM). See reporting.compute._store."""

from django.db import migrations


def fillfactor(value):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            setting = f"SET (fillfactor = {value})" if value else "RESET (fillfactor)"
            schema_editor.execute(f"ALTER TABLE reporting_indicatorrow {setting}")
    return apply


class Migration(migrations.Migration):
    dependencies = [("reporting", "0005_frozen_immutable")]

    operations = [migrations.RunPython(fillfactor(50), fillfactor(None))]
