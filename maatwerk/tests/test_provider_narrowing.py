"""Defect 18: the provider list of the referral form is narrowed to the chosen product:
every option says which products it offers (the page's script hides the others), and after
a round trip only the chosen product's providers are listed (plus the one picked)."""

import re

import pytest
from django.urls import reverse

from maatwerk.factories import ProductFactory, ProviderFactory
from maatwerk.forms import ReferralForm


@pytest.fixture
def other(db):
    product = ProductFactory(code="vervoer-test", name="Vervoer test")
    return ProviderFactory(code="taxi-test", name="Taxi Test", products=[product]), product


def _options(html: str) -> dict[str, str]:
    select = html[html.index('name="provider"'):]
    select = select[:select.index("</select>")]
    return {m.group(2): m.group(1) for m in re.finditer(r'<option value="\d+" data-products="([\d ]*)"[^>]*>([^<]+)',
                                                          select)}


def test_each_provider_option_names_its_products(client, generalist_a, dossier, product, provider, other):
    from conftest import as_user

    as_user(client, generalist_a)
    html = client.get(reverse("maatwerk:new", args=[dossier.pk])).content.decode()
    options = _options(html)
    assert options[provider.name] == str(product.pk)
    assert options[other[0].name] == str(other[1].pk)
    assert "maatwerk/referral_form.js" in html


def test_after_a_round_trip_only_the_chosen_products_providers_are_listed(dossier, product, provider, other):
    form = ReferralForm({"product": str(product.pk), "provider": ""}, dossier=dossier)
    names = [label for value, label in form.fields["provider"].widget.choices if value]
    assert names == [provider.name]
    picked = ReferralForm({"product": str(product.pk), "provider": str(other[0].pk)}, dossier=dossier)
    names = [label for value, label in picked.fields["provider"].widget.choices if value]
    assert sorted(names) == sorted([provider.name, other[0].name]), "what was picked is not lost"
