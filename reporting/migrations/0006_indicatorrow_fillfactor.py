"""Room on every page of the indicator rows for the new version of a row: a recomputation
updates the computed_at of unchanged rows in place (a HOT update: no index entries, and the
old versions are pruned on the page without VACUUM). See reporting.compute._store; 0007
stopped writing unchanged rows and reset it."""

from django.db import migrations

from reporting.migrations._fillfactor import fillfactor


class Migration(migrations.Migration):
    dependencies = [("reporting", "0005_frozen_immutable")]

    operations = [migrations.RunPython(fillfactor(50), fillfactor(None))]
