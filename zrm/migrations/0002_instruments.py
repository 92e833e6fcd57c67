"""The three ZRM instruments of ../shared/specs/zrm-instruments.md, shipped as data.
Descriptions per domain and step are the organisation's to fill in; none are shipped."""

from django.db import migrations

STEPS = [
    (1, "acute problematiek"),
    (2, "niet zelfredzaam"),
    (3, "beperkt zelfredzaam"),
    (4, "voldoende zelfredzaam"),
    (5, "volledig zelfredzaam"),
]

INSTRUMENTS = {
    "zrm-2013": ("ZRM 2013 (11 domeinen)", [
        ("financien", "Financiën (Inkomen)"),
        ("dagbesteding", "Dagbesteding"),
        ("huisvesting", "Huisvesting"),
        ("huiselijke_relaties", "Huiselijke relaties (Gezinsrelaties)"),
        ("geestelijke_gezondheid", "Geestelijke gezondheid"),
        ("lichamelijke_gezondheid", "Lichamelijke gezondheid (Fysieke gezondheid)"),
        ("verslaving", "Verslaving"),
        ("adl", "ADL-vaardigheden"),
        ("sociaal_netwerk", "Sociaal netwerk"),
        ("maatschappelijke_participatie", "Maatschappelijke participatie"),
        ("justitie", "Justitie"),
    ]),
    "zrm-2017": ("ZRM 2017 (13 domeinen)", [
        ("financien", "Financiën"),
        ("werk_opleiding", "Werk & opleiding"),
        ("tijdsbesteding", "Tijdsbesteding"),
        ("huisvesting", "Huisvesting"),
        ("huiselijke_relaties", "Huiselijke relaties"),
        ("geestelijke_gezondheid", "Geestelijke gezondheid"),
        ("lichamelijke_gezondheid", "Lichamelijke gezondheid"),
        ("middelengebruik", "Middelengebruik"),
        ("basale_adl", "Basale ADL"),
        ("instrumentele_adl", "Instrumentele ADL"),
        ("sociaal_netwerk", "Sociaal netwerk"),
        ("maatschappelijke_participatie", "Maatschappelijke participatie"),
        ("justitie", "Justitie"),
    ]),
    "zrm-ouderschap": ("ZRM Ouderschap (aanvulling)", [
        ("lichamelijke_verzorging", "Lichamelijke verzorging"),
        ("opvang", "Opvang"),
        ("scholing", "Scholing"),
        ("sociaal_emotionele_ondersteuning", "Sociaal-emotionele ondersteuning"),
    ]),
}


def forwards(apps, schema_editor):
    Instrument = apps.get_model("zrm", "Instrument")
    Step = apps.get_model("zrm", "Step")
    Domain = apps.get_model("zrm", "Domain")
    for code, (name, domains) in INSTRUMENTS.items():
        instrument, created = Instrument.objects.get_or_create(code=code, defaults={"name": name})
        if not created:
            continue
        Step.objects.bulk_create(Step(instrument=instrument, number=n, label=label) for n, label in STEPS)
        Domain.objects.bulk_create(
            Domain(instrument=instrument, code=dcode, label=label, order=i)
            for i, (dcode, label) in enumerate(domains, start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("zrm", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
