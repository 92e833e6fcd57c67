"""Issue 26 (should fix): every page and download that shows a person — staff pages, CSV and
PDF downloads, the portal — answers ``Cache-Control: private, no-store``, so no shared cache or
browser disk keeps it. Every URL pattern of the resolver, with the persona matrix's samples
(tests/test_persona_matrix.py), requested with the own world's ids; a response counts as
showing a person when a member's name or BSN is in it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import as_user
from journal.services import upload_document
from portal.services import share_document
from portal.testing import as_portal, resident_account
from tests import test_persona_matrix as matrix
from tests.test_persona_matrix import body, patterns, sample_for, url_for

worlds = matrix.worlds  # the persona matrix's two team worlds, as a fixture here too


def _unstored_pages_that_show_persons(client, world, shared, routes) -> tuple[int, list[str]]:
    checked, problems = 0, []
    for key, route, name in patterns():
        sample = sample_for(name, route)
        if sample is None or not route.startswith(routes) or route.startswith("accounts/logout"):
            continue
        response = client.get(url_for(key, route, name, sample, world, shared))
        text = body(response)
        if not any(v and v in text for p in world.clients for v in (p.family_name, p.given_name, p.bsn)):
            continue
        checked += 1
        directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
        if not {"private", "no-store"} <= directives:
            problems.append(f"GET {response.request['PATH_INFO']} ({key}) shows a person with "
                            f"Cache-Control {response.get('Cache-Control')!r}")
    return checked, problems


@pytest.mark.parametrize("persona", ["generalist_a", "coach_a"])
def test_staff_pages_with_persons_are_not_stored(client, persona, worlds):
    world = worlds["a"]
    as_user(client, world.generalist if persona == "generalist_a" else world.coach)
    checked, problems = _unstored_pages_that_show_persons(client, world, worlds["shared"], ("",))
    assert checked >= 10, f"only {checked} pages showed a person"
    assert not problems, "\n".join(problems)


def test_portal_pages_and_downloads_with_persons_are_not_stored(client, worlds, settings, tmp_path):
    world = worlds["a"]
    as_portal(client, resident_account(world.dossier, world.client, world.generalist, email="a@example.org"))
    checked, problems = _unstored_pages_that_show_persons(client, world, worlds["shared"], ("mijn/",))
    assert checked >= 2, f"only {checked} portal pages showed a person"
    assert not problems, "\n".join(problems)
    # A document the team shared with the resident: a letter naming them.
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    letter = SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n" + world.client.family_name.encode() + b"\n%%EOF\n")
    document = upload_document(world.dossier, user=world.generalist, upload=letter, kind="brief")
    share_document(document, user=world.generalist, shared=True)
    download = client.get(reverse("portal:document", args=[world.dossier.pk, document.pk]))
    assert download.status_code == 200 and world.client.family_name in body(download)
    assert download["Cache-Control"] == "private, no-store"
