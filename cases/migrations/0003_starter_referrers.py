"""A starter list of referrers (melders); administrators manage it in the admin."""

from django.db import migrations

REFERRERS = [
    ("zelfmelder", "Zelfmelder", True),
    ("familie", "Familie of naasten", False),
    ("huisarts", "Huisarts", False),
    ("wijkverpleging", "Wijkverpleging", False),
    ("ggz", "GGZ", False),
    ("woningcorporatie", "Woningcorporatie", False),
    ("wijkagent", "Wijkagent / politie", False),
    ("veilig-thuis", "Veilig Thuis", False),
    ("gemeente", "Gemeente (Werk en Inkomen, Wmo)", False),
    ("jeugd-gezin", "Buurtteam Jeugd en Gezin", False),
    ("ziekenhuis", "Ziekenhuis", False),
    ("overig", "Overige melder", False),
]


def forwards(apps, schema_editor):
    Referrer = apps.get_model("cases", "Referrer")
    for code, name, self_referral in REFERRERS:
        Referrer.objects.get_or_create(code=code, defaults={"name": name, "self_referral": self_referral})


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_accesslog_append_only")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
