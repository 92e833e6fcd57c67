"""The demo's Wmo toegang (wmo-toegang.md): the catalogue's iWmo codes and tariffs, providers'
AGB codes, a melding (with its verslag) for every household with a referral, the omvang and
allocation number of granted care in kind, and the delivery the providers reported. It draws
from its own random stream, so the rest of the demo stays as it was. After the import,
``exchange_messages`` sends the 301s of the most recent allocations and feeds the providers'
305s (the iWmo 3.2 example, adapted) through the same code as real messages."""

import datetime as dt
import random

from django.conf import settings
from django.db import transaction

# product code -> (iwmo_category, iwmo_code, unit, tariff_cents, volumes, frequency)
IWMO_PRODUCTS = {
    "iab": ("02", "02A07", "04", 6240, (2, 3, 4, 6), "2"),
    "begeleiding-groep": ("02", "02A08", "16", 4650, (1, 2, 3), "2"),
    "dagbesteding-basis": ("07", "07A01", "16", 4200, (2, 3, 4), "2"),
    "dagbesteding-intensief": ("07", "07A02", "16", 5600, (2, 3, 4, 5), "2"),
    "aa-3a": ("07", "07A03", "16", 3900, (2, 4), "2"),
    "kortdurend-verblijf": ("04", "04A01", "14", 14500, (2, 4, 8), "4"),
    "vervoer-db": ("08", "08A01", "82", 1250, (4, 6, 8), "2"),
    "huishoudelijke-hulp": ("01", "01A01", "04", 3300, (2, 3, 4), "2"),
}
AGB_CODES = {"lister": "98099377", "leger-des-heils": "98044345", "careyn": "98000401", "wij3": "98070112",
             "abrona": "98020017", "moveoo": "98105533"}
END_REASONS = (("19", 70), ("23", 10), ("21", 8), ("38", 6), ("31", 3), ("02", 3))
FIRST_ALLOCATION = 100_001
PRODUCT_COLUMNS = ("code", "name", "category", "iwmo_category", "iwmo_code", "unit", "tariff_cents")
PROVIDER_COLUMNS = ("code", "name", "agb_code")
MELDING_COLUMNS = ("melding_ref", "dossier_ref", "client_ref", "melding_on", "verslag_on")
REFERRAL_EXTRA = ("melding_ref", "volume", "unit", "frequency", "allocation_number", "delivery_started_on",
                  "delivery_ended_on", "delivery_end_reason")


def product_rows(products):
    return [(code, name, category, *IWMO_PRODUCTS[code][:4]) for code, name, category, _weight in products]


def provider_rows(providers):
    return [(code, name, AGB_CODES[code]) for code, (name, _offered) in providers.items()]


def extend(bundle, seed: int) -> None:
    """Add meldingen and allocation columns to ``bundle`` (a generated ``DemoBundle``)."""
    rng, today = random.Random(seed + 2), bundle.today
    registered = {row[0]: row[2] for row in bundle.dossiers}
    bundle.meldingen = []
    number = FIRST_ALLOCATION
    rows = []
    for row in bundle.referrals:
        (_ref, dossier, client, product, _provider, form, status, requested, _decided, starts, ends) = row
        melding_on = max(registered[dossier], requested - dt.timedelta(days=rng.randint(10, 50)))
        verslag_on = melding_on + dt.timedelta(days=rng.choice((14, 21, 28, 35, 40, 42, 43, 49)))
        verslag_on = verslag_on if verslag_on <= min(requested, today) else None
        melding_ref = f"W{dossier[1:]}"
        bundle.meldingen.append((melding_ref, dossier, client, melding_on, verslag_on))
        extra = [melding_ref, "", "", "", "", "", "", ""]
        if status == "toegekend" and form == "zin" and starts:
            _category, _code, unit, _tariff, volumes, frequency = IWMO_PRODUCTS[product]
            extra[1:5] = [rng.choice(volumes), unit, frequency, number]
            number += 1
            started = starts + dt.timedelta(days=rng.randint(0, 10))
            if started <= today and (ends is None or started <= ends) and rng.random() < 0.9:
                extra[5] = started
                end = ends if ends and ends <= today else None
                if end is None and rng.random() < 0.1:
                    end = started + dt.timedelta(days=rng.randint(14, 60))
                    end = end if end <= today and (ends is None or end <= ends) else None
                if end is not None:
                    extra[6] = end
                    extra[7] = rng.choices([r for r, _w in END_REASONS], weights=[w for _r, w in END_REASONS])[0]
        rows.append((*row, *extra))
    bundle.referrals = rows


@transaction.atomic
def exchange_messages(limit: int = 25) -> dict[str, int]:
    """Send the 301 of the most recent granted iWmo allocations whose client can be named in
    one (as at go-live), and process a provider's 305 for those whose start is not reported yet."""
    from maatwerk.allocation import goes_by_iwmo
    from maatwerk.models import Referral, Status
    from toegang import outbound
    from toegang.inbound import receive
    from toegang.iwmo import examples

    candidates = (Referral.objects.filter(status=Status.GRANTED, allocation_number__isnull=False,
                                          client__bsn__gt="", client__birth_date__isnull=False)
                  .exclude(client__family_name="").select_related("client", "product", "provider", "dossier")
                  .order_by("-decided_on", "-pk"))
    sent = received = 0
    for referral in candidates[:limit * 3]:
        if sent >= limit:
            break
        if not goes_by_iwmo(referral) or outbound.allocation_problems(referral):
            continue
        outbound.send_allocations([referral])
        sent += 1
        if referral.delivery_started_on is None and referral.starts_on and referral.starts_on <= bundle_today():
            data = examples.delivery("305", sender=referral.provider.agb_code, receiver=settings.IWMO_GEMEENTECODE,
                                     identification=f"D{referral.allocation_number}", bsn=referral.client.bsn,
                                     number=referral.allocation_number, starts_on=referral.starts_on,
                                     started_on=referral.starts_on)
            received += receive(data, f"demo-305-{referral.allocation_number}.xml").status == "verwerkt"
    return {"301": sent, "305": received}


def bundle_today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()
