"""The maatwerk catalogue for functional administrators. Referrals hold personal data
and are not in the admin."""

from django.contrib import admin

from cases.admin_site import BeheerModelAdmin
from maatwerk.models import Product, Provider


@admin.register(Product)
class ProductAdmin(BeheerModelAdmin):
    list_display = ["code", "name", "category", "iwmo_category", "iwmo_code", "unit", "tariff_cents", "active"]
    list_filter = ["category", "iwmo_category", "active"]
    search_fields = ["code", "name"]


@admin.register(Provider)
class ProviderAdmin(BeheerModelAdmin):
    list_display = ["code", "name", "agb_code", "active"]
    list_filter = ["active", "products"]
    search_fields = ["code", "name", "agb_code"]
    filter_horizontal = ["products"]
