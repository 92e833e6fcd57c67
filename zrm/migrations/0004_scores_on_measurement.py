"""Scores move from one row per domain to a JSON object on the measurement
({domain code: step}); existing scores are copied over before the table goes."""

from django.db import migrations, models


def copy_scores(apps, schema_editor):
    Measurement = apps.get_model("zrm", "Measurement")
    Score = apps.get_model("zrm", "Score")
    scores: dict[int, dict] = {}
    for measurement_id, code, score in Score.objects.values_list("measurement_id", "domain__code", "score"):
        scores.setdefault(measurement_id, {})[code] = score
    for measurement in Measurement.objects.filter(pk__in=scores):
        measurement.scores = dict(sorted(scores[measurement.pk].items()))
        measurement.save(update_fields=["scores"])


class Migration(migrations.Migration):
    dependencies = [("zrm", "0003_instrument_supplement")]

    operations = [
        migrations.AddField(
            model_name="measurement",
            name="scores",
            field=models.JSONField(blank=True, default=dict, help_text="{domain code: step 1-5}", verbose_name="scores"),
        ),
        migrations.RunPython(copy_scores, migrations.RunPython.noop),
        migrations.DeleteModel(name="Score"),
    ]
