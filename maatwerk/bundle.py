"""The maatwerk app's bundle files: providers, products, Wmo meldingen and referrals
(`import-bundle.md`, `wmo-toegang.md`). See ``cases.bundlespec``.

The iWmo columns of products, providers and referrals are optional: a file without one of
them leaves that column of the rows it names as it is (an older bundle does not erase the
catalogue's iWmo codes or an allocation)."""

import datetime as dt
import sys
from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext as _

from cases.bundlespec import BundlePart, FileSpec, max_length
from maatwerk.allocation import MAX_ALLOCATION_NUMBER, MAX_VOLUME
from maatwerk.models import (
    AllocationCounter,
    Category,
    EndReason,
    Form,
    IwmoCategory,
    IwmoFrequency,
    IwmoUnit,
    Melding,
    Product,
    Provider,
    Referral,
    Status,
)

PROVIDERS = FileSpec(
    "providers.csv", 3, ("code", "name", "agb_code"), ("code", "name"),
    max_lengths={"code": max_length(Provider, "code"), "name": max_length(Provider, "name")},
)
PRODUCTS = FileSpec(
    "products.csv", 4, ("code", "name", "category", "iwmo_category", "iwmo_code", "unit", "tariff_cents"),
    ("code", "name", "category"),
    codes={"category": frozenset(Category.values), "iwmo_category": frozenset(IwmoCategory.values),
           "unit": frozenset(IwmoUnit.values)},
    max_lengths={"code": max_length(Product, "code"), "name": max_length(Product, "name")},
)
# wmo-toegang.md: right after dossier_clients.csv (7), before dossier_safeguards.csv and zrm.csv.
MELDINGEN = FileSpec(
    "wmo_meldingen.csv", 7.5, ("melding_ref", "dossier_ref", "client_ref", "melding_on", "verslag_on"),
    ("melding_ref", "dossier_ref", "melding_on"),
    max_lengths={"melding_ref": max_length(Melding, "ref")},
)
REFERRALS = FileSpec(
    "referrals.csv", 10,
    ("referral_ref", "dossier_ref", "client_ref", "product", "provider", "form", "status", "requested_on",
     "decided_on", "starts_on", "ends_on", "melding_ref", "volume", "unit", "frequency", "allocation_number",
     "delivery_started_on", "delivery_ended_on", "delivery_end_reason"),
    ("referral_ref", "dossier_ref", "product", "provider", "status"),
    codes={"form": frozenset(Form.values), "status": frozenset(Status.values), "unit": frozenset(IwmoUnit.values),
           "frequency": frozenset(IwmoFrequency.values), "delivery_end_reason": frozenset(EndReason.values)},
    max_lengths={"referral_ref": max_length(Referral, "ref"), "melding_ref": max_length(Melding, "ref")},
)
PRODUCT_IWMO = ("iwmo_category", "iwmo_code", "unit", "tariff_cents")
REFERRAL_WMO = ("melding_ref", "volume", "unit", "frequency", "allocation_number", "delivery_started_on",
                "delivery_ended_on", "delivery_end_reason")
# referral column -> database column
REFERRAL_COLUMNS = {"melding_ref": "melding_id", "volume": "volume", "unit": "unit", "frequency": "frequency",
                    "allocation_number": "allocation_number", "delivery_started_on": "delivery_started_on",
                    "delivery_ended_on": "delivery_ended_on", "delivery_end_reason": "delivery_end_reason"}
PRESENT = "maatwerk:columns"  # parsed.data key: the optional iWmo columns each file carries


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
    melding_ref: str | None = None
    volume: int | None = None
    unit: str = ""
    frequency: str = ""
    allocation_number: int | None = None
    delivery_started_on: dt.date | None = None
    delivery_ended_on: dt.date | None = None
    delivery_end_reason: str = ""


@dataclass(slots=True)
class MeldingRecord:
    dossier_ref: str
    client_ref: str | None
    melding_on: dt.date | None
    verslag_on: dt.date | None


def _present(p, name: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    table = p.table(name)
    return tuple(c for c in columns if table is not None and c in table.index)


def _parse_catalogue(p, data: dict) -> tuple[set, dict]:
    """Providers and products; returns the provider codes and {product code: unit} known."""
    providers = data["providers.csv"] = {}
    products = data["products.csv"] = {}
    seen: set[str] = set()
    _table, rows = p.rows("providers.csv")
    for row in rows:
        code, name = p.slug(row, p.unique(row, "code", seen)), row.required("name")
        agb = row.text("agb_code")
        if agb and not (len(agb) == 8 and agb.isascii() and agb.isdigit()):
            row.error("agb_code", _("%(value)r is not an AGB code (8 digits)") % {"value": agb})
        if row.ok:
            providers[code] = (name, agb)
    provider_codes = p.named("providers.csv", seen) | set(Provider.objects.values_list("code", flat=True))
    seen = set()
    units = dict(Product.objects.values_list("code", "unit"))
    table, rows = p.rows("products.csv")
    has_unit = table is not None and "unit" in table.index
    for row in rows:
        code, name = p.slug(row, p.unique(row, "code", seen)), row.required("name")
        category = row.required("category") and row.code("category")
        iwmo_category, unit = row.code("iwmo_category"), row.code("unit")
        iwmo_code = row.text("iwmo_code")
        if iwmo_code and (len(iwmo_code) > 5 or iwmo_code != iwmo_code.strip() or " " in iwmo_code):
            row.error("iwmo_code", _("%(value)r is not an iWmo product code (1 to 5 characters)")
                      % {"value": iwmo_code})
        tariff = row.integer("tariff_cents", 0, 2_000_000_000)
        if code and has_unit:
            units[code] = unit
        elif code:
            units.setdefault(code, "")
        if row.ok:
            products[code] = (name, category, iwmo_category, iwmo_code, unit, tariff)
    p.named("products.csv", seen)
    return provider_codes, units


def _parse_meldingen(p, data: dict) -> dict:
    """Meldingen; returns {melding_ref: (dossier_ref, melding_on)} of the bundle's valid rows."""
    meldingen = p.spool("wmo_meldingen.csv")
    seen: set[str] = set()
    known = {}
    _table, rows, members = p.dossier_rows("wmo_meldingen.csv")
    for row in rows:
        ref = p.unique(row, "melding_ref", seen)
        dossier_ref, client_ref = row.required("dossier_ref"), row.text("client_ref")
        dates = p.dossier(row, dossier_ref) if dossier_ref else None
        if dates:
            p.member(row, dossier_ref, client_ref, members)
        melding_on = row.required("melding_on") and row.date("melding_on")
        verslag_on = row.date("verslag_on")
        if dates:
            row.not_before("melding_on", melding_on or None, "registered_on", dates[0])
        row.not_before("verslag_on", verslag_on, "melding_on", melding_on or None)
        if row.ok:
            meldingen[ref] = MeldingRecord(dossier_ref, client_ref or None, melding_on or None, verslag_on)
            known[ref] = (sys.intern(dossier_ref), melding_on)  # the dossier's own key (parse.INTERNED)
    p.named("wmo_meldingen.csv", seen, valid=known)
    return known


def _melding_refs(p) -> set[str]:
    """The meldingen referrals.csv names (a first pass, so the system's are looked up in batches)."""
    table = p.table("referrals.csv")
    if table is None or "melding_ref" not in table.index:
        return set()
    column = table.index["melding_ref"]
    return {cells[column] for _line, cells in table.rows(_Unreported()) if cells[column]}


class _Unreported(list):
    """A problem list for a first pass: the real pass reports each problem once."""

    def add(self, *args) -> None:
        pass


def _meldingen_in_system(refs: set[str]) -> dict:
    found: dict = {}
    ordered = sorted(refs)
    for start in range(0, len(ordered), 10_000):
        for ref, dossier_ref, melding_on in Melding.objects.filter(ref__in=ordered[start:start + 10_000]) \
                .values_list("ref", "dossier__ref", "melding_on"):
            found[ref] = (dossier_ref, melding_on)
    return found


def _check_allocation(row, status: str, product_unit: str | None) -> tuple:
    """The allocation columns of one referral row (wmo-toegang.md rules)."""
    volume = row.integer("volume", 1, MAX_VOLUME)
    unit, frequency = row.code("unit"), row.code("frequency")
    number = row.integer("allocation_number", 1, MAX_ALLOCATION_NUMBER)
    given = [bool(row.text(c)) for c in ("volume", "unit", "frequency")]
    if any(given) and not all(given):
        row.error("volume", _("volume, unit and frequency are all set or all empty"))
    if any(given) and status and status != Status.GRANTED:
        row.error("volume", _("only a toegekend referral has volume, unit and frequency"))
    if row.text("allocation_number") and status and status != Status.GRANTED:
        row.error("allocation_number", _("only a toegekend referral has an allocation number"))
    if unit and product_unit is not None and unit != product_unit:
        row.error("unit", _("unit %(unit)r is not the product's unit %(product_unit)r")
                  % {"unit": unit, "product_unit": product_unit or ""})
    return volume, unit, frequency, number


def parse(p) -> None:
    data = p.parsed.data
    provider_codes, units = _parse_catalogue(p, data)
    product_codes = set(units)
    bundle_meldingen = _parse_meldingen(p, data)
    data[PRESENT] = {
        "providers.csv": _present(p, "providers.csv", ("agb_code",)),
        "products.csv": _present(p, "products.csv", PRODUCT_IWMO),
        "referrals.csv": _present(p, "referrals.csv", REFERRAL_WMO),
    }

    referrals = p.spool("referrals.csv")
    owners = data["maatwerk:referral_owners"] = {}  # referral_ref -> dossier_ref, for plans' actions.csv
    seen: set[str] = set()
    numbers: dict[int, int] = {}
    meldingen = {**_meldingen_in_system(_melding_refs(p) - set(bundle_meldingen)), **bundle_meldingen}
    _table, rows, members = p.dossier_rows("referrals.csv")
    named_meldingen = p.parsed.named.get("wmo_meldingen.csv", set())
    taken = dict(Referral.objects.filter(allocation_number__isnull=False)
                 .values_list("allocation_number", "ref"))
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

        melding_ref = row.text("melding_ref")
        if melding_ref:
            melding = meldingen.get(melding_ref)
            if melding is None:
                if melding_ref not in named_meldingen and not p.unreadable("wmo_meldingen.csv"):
                    row.error("melding_ref", _("%(value)r does not exist in the bundle or the system")
                              % {"value": melding_ref})
            else:
                if melding[0] != dossier_ref:
                    row.error("melding_ref", _("melding %(melding)r belongs to another dossier")
                              % {"melding": melding_ref})
                row.not_before("requested_on", requested_on, "melding_on", melding[1])
        volume, unit, frequency, number = _check_allocation(row, status, units.get(product))
        if number is not None:
            if number in numbers:
                row.error("allocation_number", _("allocation number %(number)d is also on line %(line)d")
                          % {"number": number, "line": numbers[number]})
            elif taken.get(number, ref) != ref:
                row.error("allocation_number", _("allocation number %(number)d belongs to referral %(ref)r")
                          % {"number": number, "ref": taken[number]})
            numbers[number] = row.line
        started = row.date("delivery_started_on")
        ended = row.date("delivery_ended_on")
        reason = row.code("delivery_end_reason")
        row.not_before("delivery_started_on", started, "starts_on", starts_on)
        if started and ends_on and started > ends_on:
            row.error("delivery_started_on", _("delivery_started_on %(value)s lies after ends_on %(end)s")
                      % {"value": started, "end": ends_on})
        row.not_before("delivery_ended_on", ended, "delivery_started_on", started)
        if bool(row.text("delivery_ended_on")) != bool(row.text("delivery_end_reason")):
            row.error("delivery_end_reason", _("set exactly when delivery_ended_on is set"))
        if row.ok:
            referrals[ref] = ReferralRecord(
                dossier_ref, client_ref or None, product, provider, form, status,
                requested_on, decided_on, starts_on, ends_on, melding_ref or None, volume, unit, frequency,
                number, started, ended, reason,
            )
            owners[ref] = sys.intern(dossier_ref)  # the dossier's own key (parse.INTERNED)
    p.named("referrals.csv", seen, valid=owners)


def store(s, parsed) -> None:
    data, now = parsed.data, s.now
    present = data.get(PRESENT, {})
    s.upsert("providers.csv", "maatwerk_provider", ("code", "name", "active", "agb_code"),
             ((c, n, True, agb) for c, (n, agb) in data["providers.csv"].items()), key=("code",),
             compare=("name", *present.get("providers.csv", ())))
    s.upsert("products.csv", "maatwerk_product",
             ("code", "name", "category", "active", "iwmo_category", "iwmo_code", "unit", "tariff_cents"),
             ((c, n, cat, True, *iwmo) for c, (n, cat, *iwmo) in data["products.csv"].items()),
             key=("code",), compare=("name", "category", *present.get("products.csv", ())))
    dossiers = s.ids["dossiers"]
    meldingen = data["wmo_meldingen.csv"]
    clients = s.client_ids(r.client_ref for r in meldingen.values())
    melding_ids = s.upsert(
        "wmo_meldingen.csv", "maatwerk_melding",
        ("ref", "dossier_id", "client_id", "melding_on", "verslag_on", "verslag", "client_remarks",
         "client_remarks_via", "created_at", "updated_at"),
        ((ref, dossiers[m.dossier_ref], clients.get(m.client_ref), m.melding_on, m.verslag_on, "", "", "", now, now)
         for ref, m in meldingen.items()),
        key=("ref",), compare=("dossier_id", "client_id", "melding_on", "verslag_on"), touch=("updated_at",),
        ids=True,
    )
    referrals = data["referrals.csv"]
    melding_ids.update(s.lookup("maatwerk_melding", "ref",
                                (r.melding_ref for r in referrals.values() if r.melding_ref
                                 and r.melding_ref not in melding_ids)))
    products = s.lookup("maatwerk_product", "code", (r.product for r in referrals.values()))
    providers = s.lookup("maatwerk_provider", "code", (r.provider for r in referrals.values()))
    clients = s.client_ids(r.client_ref for r in referrals.values())
    wmo = tuple(REFERRAL_COLUMNS[c] for c in present.get("referrals.csv", ()))
    s.upsert(
        "referrals.csv", "maatwerk_referral",
        ("ref", "dossier_id", "client_id", "product_id", "provider_id", "form", "status", "requested_on",
         "decided_on", "starts_on", "ends_on", "notes", "objected", "objection_outcome", "created_at",
         "updated_at", "melding_id", "reasons", "volume", "unit", "frequency", "allocation_number",
         "delivery_started_on", "delivery_ended_on", "delivery_end_reason"),
        (
            (ref, dossiers[r.dossier_ref], clients.get(r.client_ref), products[r.product], providers[r.provider],
             r.form, r.status, r.requested_on, r.decided_on, r.starts_on, r.ends_on, "", False, "", now, now,
             melding_ids.get(r.melding_ref) if r.melding_ref else None, "", r.volume, r.unit, r.frequency,
             r.allocation_number, r.delivery_started_on, r.delivery_ended_on, r.delivery_end_reason)
            for ref, r in referrals.items()
        ),
        key=("ref",),
        compare=("dossier_id", "client_id", "product_id", "provider_id", "form", "status", "requested_on",
                 "decided_on", "starts_on", "ends_on", *wmo),
        touch=("updated_at",),
    )
    _raise_counter()


def _raise_counter() -> None:
    """New allocation numbers are given above every imported one, also after those are destroyed."""
    highest = Referral.objects.aggregate(highest=Max("allocation_number"))["highest"]
    if highest:
        counter, _created = AllocationCounter.objects.get_or_create(pk=1)
        if counter.last < highest:
            AllocationCounter.objects.filter(pk=1).update(last=highest)


def export(writer, scope) -> None:
    rows = writer.rows
    writer.write(PROVIDERS, rows(Provider.objects.order_by("code"), "code", "name", "agb_code"))
    writer.write(PRODUCTS, rows(Product.objects.order_by("code"), "code", "name", "category", *PRODUCT_IWMO))
    meldingen = scope.own(Melding.objects.filter(dossier__in=scope.dossier_ids))
    writer.write(MELDINGEN, rows(meldingen.order_by("pk"), "ref", "dossier__ref", "client__ref", "melding_on",
                                 "verslag_on"))
    referrals = scope.own(Referral.objects.filter(dossier__in=scope.dossier_ids))
    writer.write(REFERRALS, rows(
        referrals.order_by("pk"), "ref", "dossier__ref", "client__ref", "product__code", "provider__code", "form",
        "status", "requested_on", "decided_on", "starts_on", "ends_on", "melding__ref", "volume", "unit",
        "frequency", "allocation_number", "delivery_started_on", "delivery_ended_on", "delivery_end_reason",
    ))


PART = BundlePart(
    app="maatwerk", order=30, files=(PROVIDERS, PRODUCTS, MELDINGEN, REFERRALS), parse=parse, store=store,
    export=export,
)
