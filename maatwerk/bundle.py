"""The maatwerk app's bundle files: providers, products and referrals (`import-bundle.md`).
See ``cases.bundlespec``."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cases.bundlespec import BundlePart, FileSpec, max_length
from maatwerk.models import Category, Form, Product, Provider, Referral, Status

PROVIDERS = FileSpec(
    "providers.csv", 3, ("code", "name"), ("code", "name"),
    max_lengths={"code": max_length(Provider, "code"), "name": max_length(Provider, "name")},
)
PRODUCTS = FileSpec(
    "products.csv", 4, ("code", "name", "category"), ("code", "name", "category"),
    codes={"category": frozenset(Category.values)},
    max_lengths={"code": max_length(Product, "code"), "name": max_length(Product, "name")},
)
REFERRALS = FileSpec(
    "referrals.csv", 10,
    ("referral_ref", "dossier_ref", "client_ref", "product", "provider", "form", "status", "requested_on",
     "decided_on", "starts_on", "ends_on"),
    ("referral_ref", "dossier_ref", "product", "provider", "status"),
    codes={"form": frozenset(Form.values), "status": frozenset(Status.values)},
    max_lengths={"referral_ref": max_length(Referral, "ref")},
)


@dataclass(slots=True)
class ReferralRecord:
    dossier_ref: str
    client_ref: str | None
    product: str
    provider: str
    form: str
    status: str
    requested_on: dt.date | None
    decided_on: dt.date | None
    starts_on: dt.date | None
    ends_on: dt.date | None


def parse(p) -> None:
    data = p.parsed.data
    providers = data["providers.csv"] = {}
    products = data["products.csv"] = {}
    referrals = data["referrals.csv"] = {}
    seen: dict = {}
    _table, rows = p.rows("providers.csv")
    for row in rows:
        code, name = p.slug(row, p.unique(row, "code", seen)), row.required("name")
        if row.ok:
            providers[code] = name
    provider_codes = p.named("providers.csv", seen) | set(Provider.objects.values_list("code", flat=True))
    seen = {}
    _table, rows = p.rows("products.csv")
    for row in rows:
        code, name = p.slug(row, p.unique(row, "code", seen)), row.required("name")
        category = row.required("category") and row.code("category")
        if row.ok:
            products[code] = (name, category)
    product_codes = p.named("products.csv", seen) | set(Product.objects.values_list("code", flat=True))

    seen = {}
    _table, rows, members = p.dossier_rows("referrals.csv")
    for row in rows:
        ref = p.unique(row, "referral_ref", seen)
        dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
        if p.dossier(row, dossier_ref):
            p.member(row, dossier_ref, client_ref, members)
        product, provider = row.required("product"), row.required("provider")
        p.exists(row, "product", product, product_codes, "products.csv")
        p.exists(row, "provider", provider, provider_codes, "providers.csv")
        status = row.required("status") and row.code("status")
        form = row.code("form")
        requested_on, decided_on = row.date("requested_on"), row.date("decided_on")
        starts_on, ends_on = row.date("starts_on", past_only=False), row.date("ends_on", past_only=False)
        if status in ("toegekend", "afgewezen") and not decided_on and not row.text("decided_on"):
            row.error("decided_on", _("required for status %(status)s") % {"status": status})
        row.not_before("decided_on", decided_on, "requested_on", requested_on)
        row.not_before("ends_on", ends_on, "starts_on", starts_on)
        if row.ok:
            referrals[ref] = ReferralRecord(
                dossier_ref, client_ref or None, product, provider, form, status,
                requested_on, decided_on, starts_on, ends_on,
            )
    p.named("referrals.csv", seen)


def store(s, parsed) -> None:
    data, now = parsed.data, s.now
    s.upsert("providers.csv", "maatwerk_provider", ("code", "name", "active"),
             ((c, n, True) for c, n in data["providers.csv"].items()), key=("code",), compare=("name",))
    s.upsert("products.csv", "maatwerk_product", ("code", "name", "category", "active"),
             ((c, n, cat, True) for c, (n, cat) in data["products.csv"].items()),
             key=("code",), compare=("name", "category"))
    referrals = data["referrals.csv"]
    products = s.lookup("maatwerk_product", "code", (r.product for r in referrals.values()))
    providers = s.lookup("maatwerk_provider", "code", (r.provider for r in referrals.values()))
    dossiers, clients = s.ids["dossiers"], s.client_ids(r.client_ref for r in referrals.values())
    s.ids["referrals"] = s.upsert(
        "referrals.csv", "maatwerk_referral",
        ("ref", "dossier_id", "client_id", "product_id", "provider_id", "form", "status", "requested_on",
         "decided_on", "starts_on", "ends_on", "notes", "objected", "objection_outcome", "created_at",
         "updated_at"),
        (
            (ref, dossiers[r.dossier_ref], clients.get(r.client_ref), products[r.product], providers[r.provider],
             r.form, r.status, r.requested_on, r.decided_on, r.starts_on, r.ends_on, "", False, "", now, now)
            for ref, r in referrals.items()
        ),
        key=("ref",),
        compare=("dossier_id", "client_id", "product_id", "provider_id", "form", "status", "requested_on",
                 "decided_on", "starts_on", "ends_on"),
        touch=("updated_at",), ids=True,
    )


def export(writer, scope) -> None:
    rows = writer.rows
    writer.write(PROVIDERS, rows(Provider.objects.order_by("code"), "code", "name"))
    writer.write(PRODUCTS, rows(Product.objects.order_by("code"), "code", "name", "category"))
    referrals = scope.own(Referral.objects.filter(dossier__in=scope.dossier_ids))
    writer.write(REFERRALS, rows(
        referrals.order_by("pk"), "ref", "dossier__ref", "client__ref", "product__code", "provider__code", "form",
        "status", "requested_on", "decided_on", "starts_on", "ends_on",
    ))


PART = BundlePart(
    app="maatwerk", order=30, files=(PROVIDERS, PRODUCTS, REFERRALS), parse=parse, store=store, export=export,
)
