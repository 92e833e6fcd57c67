"""Uploaded bundles at destruction (cases.extensions; docs/adr/0110).

An uploaded bundle is a transport copy of every dossier it held, kept only to validate and
import it. A destruction removes the files of every finished upload (any of them may hold
the destroyed dossiers) and their problem reports (which quote rows); the upload's record
(who, when, counts) stays. Files go after the transaction commits."""

from django.db import transaction

from exchange.models import BundleImport


def destroy(dossier_ids: list[int], client_ids: list[int]) -> dict:
    finished = BundleImport.objects.exclude(status__in=BundleImport.RUNNING).exclude(file="", problems="")
    files = [name for name in finished.values_list("file", flat=True) if name]
    cleared = finished.update(file="", problems="")
    if files:
        storage = BundleImport._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return {"exchange.BundleImport.file": cleared} if cleared else {}
