"""Messages get their sender (a household member) and the members they are for (issue 26,
item 5). Existing household messages keep their author as sender and are for no one else;
existing team messages stay for the members with a resident account, who could read them."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    Message = apps.get_model("portal", "Message")
    PortalAccount = apps.get_model("portal", "PortalAccount")
    DossierMember = apps.get_model("cases", "DossierMember")
    senders = dict(PortalAccount.objects.filter(client__isnull=False).values_list("user_id", "client_id"))
    with_account = set(PortalAccount.objects.filter(kind="bewoner").values_list("client_id", flat=True))
    for message in Message.objects.all().iterator():
        if message.from_household:
            if message.author_id in senders:
                Message.objects.filter(pk=message.pk).update(sender_id=senders[message.author_id])
        else:
            members = DossierMember.objects.filter(dossier_id=message.dossier_id).values_list("client_id", flat=True)
            message.recipients.set([c for c in members if c in with_account])


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0013_client_prefix_regie_after"),
        ("portal", "0003_dossier_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="recipients",
            field=models.ManyToManyField(blank=True, related_name="+", to="cases.client", verbose_name="for members"),
        ),
        migrations.AddField(
            model_name="message",
            name="sender",
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="cases.client", verbose_name="sent by member"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
