"""The starter catalogue ships with the app; the catalogue is managed in the admin by
functional administrators; referrals (personal data) are not in the admin."""

from django.contrib import admin
from django.urls import reverse

from conftest import as_user
from maatwerk.models import Category, Product, Provider, Referral


def test_the_starter_catalogue_is_present(db):
    products = dict(Product.objects.values_list("code", "category"))
    assert products["iab"] == Category.GUIDANCE
    assert products["dagbesteding-basis"] == Category.DAYTIME
    assert products["vervoer-db"] == Category.TRANSPORT
    assert products["kortdurend-verblijf"] == Category.OTHER
    assert set(products.values()) == set(Category.values)
    assert len(products) == 8
    providers = {p.code: p for p in Provider.objects.prefetch_related("products")}
    assert {"lister", "leger-des-heils", "careyn", "wij3"} <= set(providers)
    assert sorted(p.code for p in providers["lister"].products.all()) == ["begeleiding-groep", "dagbesteding-basis",
                                                                         "iab"]
    assert [p.code for p in providers["moveoo"].products.all()] == ["vervoer-db"]
    assert all(p.active for p in providers.values())
    assert all(p.products.exists() for p in providers.values()), "every provider offers something"


def test_administrators_manage_the_catalogue(client, beheer):
    as_user(client, beheer)
    assert client.get(reverse("admin:maatwerk_product_changelist")).status_code == 200
    response = client.get(reverse("admin:maatwerk_provider_change", args=[Provider.objects.get(code="lister").pk]))
    assert response.status_code == 200
    assert "selectfilter" in response.content.decode().lower()  # filter_horizontal for the products
    response = client.post(reverse("admin:maatwerk_product_add"),
                           {"code": "woonbegeleiding", "name": "Woonbegeleiding", "category": "begeleiding",
                            "active": "on"})
    assert response.status_code == 302
    assert Product.objects.get(code="woonbegeleiding").category == "begeleiding"


def test_generalists_cannot_open_the_catalogue_admin(client, generalist_a):
    as_user(client, generalist_a)
    response = client.get(reverse("admin:maatwerk_product_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]
    response = client.post(reverse("admin:maatwerk_product_add"),
                           {"code": "woonbegeleiding", "name": "Woonbegeleiding", "category": "begeleiding"})
    assert response.status_code == 302
    assert not Product.objects.filter(code="woonbegeleiding").exists()


def test_referrals_are_not_in_the_admin():
    assert not admin.site.is_registered(Referral)
    assert admin.site.is_registered(Product) and admin.site.is_registered(Provider)
