from django.db import migrations


def install(apps, schema_editor):
    from agenda.shipped_letters import SHIPPED

    LetterTemplate = apps.get_model("agenda", "LetterTemplate")
    for letter in SHIPPED:
        LetterTemplate.objects.get_or_create(code=letter["code"], defaults={
            k: v for k, v in letter.items() if k != "code"})


def remove(apps, schema_editor):
    from agenda.shipped_letters import SHIPPED

    apps.get_model("agenda", "LetterTemplate").objects.filter(
        code__in=[letter["code"] for letter in SHIPPED], updated_by__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("agenda", "0001_initial")]

    operations = [migrations.RunPython(install, remove)]
