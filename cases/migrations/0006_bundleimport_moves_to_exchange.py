"""BundleImport moves to the exchange app. Only Django's state changes: the table
``cases_bundleimport`` and its rows stay where they are (exchange.0001 takes it over)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0005_bundle_import'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='BundleImport')],
            database_operations=[],
        ),
    ]
