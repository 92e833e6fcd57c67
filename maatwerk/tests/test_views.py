"""The referral pages: forms save through the services, errors appear next to the field
with everything typed kept, and every view or change of personal data is logged."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from cases import services as case_services
from cases.models import AccessLogEntry, ClosureReason
from cases.services import today
from conftest import as_user
from maatwerk.factories import ProductFactory, ProviderFactory, ReferralFactory
from maatwerk.models import Referral
from tests.html import plain

TODAY = today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def logged_in(client, generalist_a):
    return as_user(client, generalist_a)


def new_url(dossier):
    return reverse("maatwerk:new", args=[dossier.pk])


def referral_data(member, product, provider, **changes):
    data = {"client": member.pk, "product": product.pk, "provider": provider.pk, "form": "pgb",
            "requested_on": (TODAY - 3 * DAY).isoformat(), "notes": "Wil graag begeleiding bij de administratie"}
    data.update(changes)
    return data


# New referral


def test_the_form_offers_the_members_and_the_active_catalogue(logged_in, dossier, product, provider):
    ProductFactory(name="Opgeheven product", active=False)
    response = logged_in.get(new_url(dossier))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.fields["client"].queryset) == {m.client for m in dossier.members.all()}
    html = plain(response.content)
    assert "<optgroup" in html and product.name in html and "Opgeheven product" not in html
    catalogue = {p.name: [v.name for v in p.providers.all()] for p in response.context["catalogue"]}
    assert catalogue[product.name] == [provider.name]
    assert "Opgeheven product" not in catalogue
    assert catalogue["Kortdurend verblijf"] == ["Careyn", "Leger des Heils"]  # starter catalogue


def test_a_referral_is_saved_and_logged(logged_in, generalist_a, dossier, member, product, provider):
    response = logged_in.post(new_url(dossier), referral_data(member, product, provider), REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 302 and response["Location"] == dossier.get_absolute_url()
    referral = Referral.objects.get()
    assert (referral.client, referral.product, referral.provider, referral.form) == (member, product, provider, "pgb")
    assert (referral.requested_on, referral.notes) == (TODAY - 3 * DAY, "Wil graag begeleiding bij de administratie")
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.user, entry.dossier, entry.client, entry.remote_addr) == (
        "create", generalist_a, dossier, member, "10.0.0.7"
    )


def test_a_service_error_is_shown_next_to_the_field_and_input_is_kept(logged_in, dossier, member, product):
    elsewhere = ProviderFactory(name="Andere Aanbieder", products=[ProductFactory()])
    response = logged_in.post(new_url(dossier), referral_data(member, product, elsewhere))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["provider"]
    html = plain(response.content)
    assert 'aria-invalid="true"' in html and 'id="id_provider_errors"' in html
    assert "Wil graag begeleiding bij de administratie" in html
    assert f'value="{(TODAY - 3 * DAY).isoformat()}"' in html
    assert f'<option value="{elsewhere.pk}" selected data-products=' in html
    assert f'<option value="{product.pk}" selected>' in html
    assert 'value="pgb" required id="id_form_1" checked' in html or 'value="pgb" id="id_form_1" checked' in html
    assert not Referral.objects.exists()
    assert not AccessLogEntry.objects.exclude(action="view").exists()  # the form shown again is a view, nothing stored


def test_a_future_request_date_is_refused(logged_in, dossier, member, product, provider):
    response = logged_in.post(new_url(dossier), referral_data(member, product, provider,
                                                              requested_on=(TODAY + DAY).isoformat()))
    assert list(response.context["form"].errors) == ["requested_on"]
    assert not Referral.objects.exists()


def test_a_person_outside_the_household_cannot_be_chosen(logged_in, dossier, team_a, product, provider):
    from cases.factories import household

    stranger = household(team_a).members.get().client
    response = logged_in.post(new_url(dossier), referral_data(stranger, product, provider))
    assert list(response.context["form"].errors) == ["client"]
    assert not Referral.objects.exists()


# Decide, care period, objection


def test_deciding_saves_and_logs_a_change(logged_in, generalist_a, requested):
    url = reverse("maatwerk:decide", args=[requested.pk])
    response = logged_in.post(url, {"status": "toegekend", "decided_on": (TODAY - DAY).isoformat(),
                                      "reasons": "Past bij de hulpvraag."})
    assert response.status_code == 302
    stored = Referral.objects.get(pk=requested.pk)
    assert (stored.status, stored.decided_on) == ("toegekend", TODAY - DAY)
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.user, entry.dossier, entry.client) == (
        "change", generalist_a, requested.dossier, requested.client
    )


def test_a_grant_without_date_keeps_the_choice_and_shows_the_error(logged_in, requested):
    url = reverse("maatwerk:decide", args=[requested.pk])
    response = logged_in.post(url, {"status": "toegekend", "decided_on": "", "reasons": "Past bij de hulpvraag."})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["decided_on"]
    html = plain(response.content)
    assert 'value="toegekend"' in html and "checked" in html.split('value="toegekend"')[1].split(">")[0]
    assert Referral.objects.get(pk=requested.pk).status == "aangevraagd"
    assert not AccessLogEntry.objects.exclude(action="view").exists()  # the form shown again is a view, nothing stored


def test_deciding_twice_shows_the_error(logged_in, granted):
    response = logged_in.post(reverse("maatwerk:decide", args=[granted.pk]),
                              {"status": "afgewezen", "decided_on": TODAY.isoformat(), "reasons": "Voorliggend."})
    assert response.status_code == 200 and "status" in response.context["form"].errors
    assert Referral.objects.get(pk=granted.pk).status == "toegekend"


def test_the_care_period_form_saves_and_keeps_input_on_error(logged_in, granted):
    url = reverse("maatwerk:care_period", args=[granted.pk])
    assert logged_in.get(url).context["form"].initial["starts_on"] == granted.decided_on
    bad = {"starts_on": TODAY.isoformat(), "ends_on": (TODAY - DAY).isoformat()}
    response = logged_in.post(url, bad)
    assert list(response.context["form"].errors) == ["ends_on"]
    assert f'value="{(TODAY - DAY).isoformat()}"' in response.content.decode()
    good = {"starts_on": TODAY.isoformat(), "ends_on": (TODAY + 180 * DAY).isoformat()}
    assert logged_in.post(url, good).status_code == 302
    stored = Referral.objects.get(pk=granted.pk)
    assert (stored.starts_on, stored.ends_on) == (TODAY, TODAY + 180 * DAY)
    assert AccessLogEntry.objects.filter(action="change", dossier=granted.dossier).count() == 1


def test_the_objection_form_saves(logged_in, rejected):
    url = reverse("maatwerk:objection", args=[rejected.pk])
    response = logged_in.post(url, {"objection_outcome": "gegrond"})
    assert list(response.context["form"].errors) == ["objection_outcome"]
    assert logged_in.post(url, {"objected": "on", "objection_outcome": ""}).status_code == 302
    stored = Referral.objects.get(pk=rejected.pk)
    assert (stored.objected, stored.objection_outcome) == (True, "lopend")
    assert AccessLogEntry.objects.filter(action="change", client=rejected.client).count() == 1


# Detail and the dossier page


def test_the_detail_page_shows_the_history_and_logs_the_view(logged_in, generalist_a, granted):
    generalist_a.first_name, generalist_a.last_name = "Fatima", "El Amrani"
    generalist_a.save()
    response = logged_in.get(reverse("maatwerk:referral", args=[granted.pk]), REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 200
    assert [(c.from_status, c.to_status) for c in response.context["changes"]] == [
        ("", "aangevraagd"), ("aangevraagd", "toegekend")
    ]
    assert "Fatima El Amrani" in response.content.decode()
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.dossier, entry.client, entry.remote_addr) == (
        "view", granted.dossier, granted.client, "10.0.0.8"
    )


def test_the_dossier_page_lists_referrals_with_their_actions(logged_in, requested, granted):
    other = ReferralFactory(dossier=requested.dossier)
    response = logged_in.get(requested.dossier.get_absolute_url())
    html = plain(response.content)
    assert 'id="referrals-heading"' in html
    assert reverse("maatwerk:care_period", args=[granted.pk]) in html
    assert reverse("maatwerk:objection", args=[granted.pk]) in html
    assert reverse("maatwerk:decide", args=[other.pk]) in html
    assert reverse("maatwerk:decide", args=[granted.pk]) not in html
    assert escape(other.product.name) in html and escape(other.provider.name) in html


def test_a_closed_dossier_shows_referrals_without_actions(logged_in, generalist_a, requested):
    case_services.close_dossier(requested.dossier, user=generalist_a, closed_on=TODAY,
                                closure_reason=ClosureReason.ACCORDING_TO_PLAN,
                                settlements={f"settle_referral_{requested.pk}": "withdraw"})
    html = plain(logged_in.get(requested.dossier.get_absolute_url()).content)
    assert requested.product.name in html
    assert reverse("maatwerk:referral", args=[requested.pk]) in html
    assert reverse("maatwerk:decide", args=[requested.pk]) not in html


def test_the_dossier_page_costs_the_same_queries_however_many_referrals(logged_in, dossier, requested):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert logged_in.get(dossier.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(15):
        ReferralFactory(dossier=dossier)
    assert queries() == few


def test_the_pages_speak_the_users_dutch(logged_in, requested):
    html = plain(logged_in.get(requested.dossier.get_absolute_url()).content)
    assert "Verwijzingen maatwerk" in html and "zorg in natura (ZIN)" in html and ">aangevraagd<" in html
    html = plain(logged_in.get(reverse("maatwerk:decide", args=[requested.pk])).content)
    assert "toegekend" in html and "afgewezen" in html and "ingetrokken" in html and "Besloten op" in html
