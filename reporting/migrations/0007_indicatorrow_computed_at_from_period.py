"""An indicator row's computed_at is its period's (PeriodComputation.computed_at, read with
IndicatorRow.objects.with_computed_at()): a recomputation no longer writes the unchanged
rows, so the room kept on each page for their new versions (0006) is given back.
Reversible: the column comes back filled from the periods' computations."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

from reporting.migrations import _fillfactor


def fill_from_periods(apps, schema_editor):
    IndicatorRow = apps.get_model("reporting", "IndicatorRow")
    PeriodComputation = apps.get_model("reporting", "PeriodComputation")
    computed = PeriodComputation.objects.filter(period=OuterRef("period")).values("computed_at")[:1]
    IndicatorRow.objects.update(computed_at=Subquery(computed))


class Migration(migrations.Migration):
    dependencies = [("reporting", "0006_indicatorrow_fillfactor")]

    operations = [
        migrations.RunPython(_fillfactor.fillfactor(None), _fillfactor.fillfactor(50)),
        migrations.AlterField("indicatorrow", "computed_at", models.DateTimeField("computed at", null=True)),
        migrations.RunPython(migrations.RunPython.noop, fill_from_periods),
        migrations.RemoveField("indicatorrow", "computed_at"),
    ]
