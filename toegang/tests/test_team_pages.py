"""The team's Wmo overview by deadline and its iWmo messages: every open onderzoek, aanvraag
and provider's request, soonest deadline first; exact and constant queries; another team's
members get a 404; the dossier page and a message's page log the persons shown."""

from django.urls import reverse

from cases.models import AccessLogEntry
from conftest import as_user
from maatwerk import melding_services, services
from toegang.factories import granted_allocation, provider_request
from toegang.models import Message
from toegang.tests.conftest import DAY, TODAY

OVERVIEW = [
    "the session", "the user", "the verified second-factor device (django-otp)", "the user's memberships (roles)",
    "the team (scoped: 404 for another team)",
    "count of open onderzoeken (paginator)", "count of aanvragen awaiting a beschikking (paginator)",
    "count of providers' requests (paginator)",
    "one page of open onderzoeken, with dossier and client",
    "one page of aanvragen, with dossier, client, product and provider",
    "one page of providers' requests, with dossier, client and provider",
    "one INSERT into the access log naming every person listed",
    "the user's teams for the navigation",
]
MESSAGES = [
    "the session", "the user", "the verified second-factor device (django-otp)", "the user's memberships (roles)",
    "the team (scoped: 404 for another team)", "count of the team's messages (paginator)",
    "one page of messages, with client", "one INSERT into the access log naming every person listed",
    "the user's teams for the navigation",
]


def _more(team, user, n):
    for _ in range(n):
        referral = granted_allocation(team, user, today=TODAY)
        melding_services.create_melding(referral.dossier, user=user, client=referral.client,
                                        melding_on=TODAY - 40 * DAY)


def test_the_overview_lists_by_deadline_with_exact_queries(client, team_a, generalist_a, allocation,
                                                           django_assert_num_queries):
    late = melding_services.create_melding(allocation.dossier, user=generalist_a, client=allocation.client,
                                           melding_on=TODAY - 50 * DAY)
    soon = melding_services.create_melding(allocation.dossier, user=generalist_a, client=None,
                                           melding_on=TODAY - 10 * DAY)
    services.request_referral(allocation.dossier, user=generalist_a, client=allocation.client,
                              product=allocation.product, provider=allocation.provider, form="zin",
                              requested_on=TODAY - 20 * DAY)
    provider_request(allocation.dossier)  # every list has rows: an empty page costs no query
    as_user(client, generalist_a)
    url = reverse("toegang:team", args=[team_a.code])
    response = client.get(url)
    assert list(response.context["meldingen"]) == [late, soon]
    assert "(termijn verstreken)" in response.content.decode()
    with django_assert_num_queries(len(OVERVIEW)):
        client.get(url)
    _more(team_a, generalist_a, 3)
    with django_assert_num_queries(len(OVERVIEW)):
        client.get(url)


def test_the_messages_page_has_exact_queries(client, team_a, generalist_a, allocation, django_assert_num_queries):
    as_user(client, generalist_a)
    url = reverse("toegang:messages", args=[team_a.code])
    assert Message.objects.count() == 1
    client.get(url)
    with django_assert_num_queries(len(MESSAGES)):
        client.get(url)
    _more(team_a, generalist_a, 3)
    with django_assert_num_queries(len(MESSAGES)):
        client.get(url)


def test_another_team_gets_404(client, generalist_b, team_a, allocation):
    as_user(client, generalist_b)
    message = Message.objects.get()
    for url in (reverse("toegang:team", args=[team_a.code]), reverse("toegang:messages", args=[team_a.code]),
                reverse("toegang:message", args=[message.pk]),
                reverse("toegang:dossier", args=[allocation.dossier_id])):
        assert client.get(url).status_code == 404


def test_a_message_page_logs_its_client(client, generalist_a, allocation):
    as_user(client, generalist_a)
    message = Message.objects.get()
    response = client.get(reverse("toegang:message", args=[message.pk]))
    assert allocation.client.bsn in response.content.decode()  # the message as sent
    assert AccessLogEntry.objects.filter(client=allocation.client, dossier=allocation.dossier).exists()
