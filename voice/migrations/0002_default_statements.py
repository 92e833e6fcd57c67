"""The default statements of client-voice.md, after the themes of the national Wmo
client-experience survey, in plain Dutch (B1). Functional administration may add versions."""

from django.db import migrations

STATEMENTS = [
    ("weet_waar", "Ik wist waar ik met mijn vraag terecht kon."),
    ("snel_geholpen", "Ik werd snel geholpen."),
    ("serieus_genomen", "De medewerker nam mij serieus."),
    ("samen_oplossing", "De medewerker en ik hebben samen naar oplossingen gezocht."),
    ("kwaliteit_goed", "De hulp die ik kreeg was goed."),
    ("past_bij_vraag", "De hulp paste bij wat ik nodig had."),
    ("beter_dingen_doen", "Door de hulp kan ik beter de dingen doen die ik wil."),
    ("beter_redden", "Door de hulp kan ik mij beter redden."),
    ("kwaliteit_van_leven", "Door de hulp gaat het beter met mijn leven."),
]


def add_default(apps, schema_editor):
    StatementSet = apps.get_model("voice", "StatementSet")
    version, _created = StatementSet.objects.get_or_create(
        code="clientervaring-2026", defaults={"name": "Cliëntervaring (2026)"})
    for order, (code, text) in enumerate(STATEMENTS, start=1):
        version.statements.get_or_create(code=code, defaults={"text": text, "order": order})


def remove_default(apps, schema_editor):
    apps.get_model("voice", "StatementSet").objects.filter(code="clientervaring-2026").delete()


class Migration(migrations.Migration):

    dependencies = [
        ("voice", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(add_default, remove_default),
    ]
