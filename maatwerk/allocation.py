"""The allocation of granted care (wmo-toegang.md): omvang (volume, eenheid, frequentie) and
care period, checked against the iWmo code lists, and the allocation number (toewijzingnummer).

The unit is the product's (a referral's ``unit`` equals its product's); the frequency is an
iWmo frequentie. A referral that goes to its provider as an iWmo toewijzing (care in kind, a
product with iWmo codes, a provider with an AGB code) needs an omvang and a start date."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext as _

from cases.rules import Errors, date_text
from maatwerk.models import AllocationCounter, Form, IwmoFrequency, Referral

MAX_ALLOCATION_NUMBER = 999_999_999
MAX_VOLUME = 99_999_999


@dataclass(frozen=True)
class Allocation:
    volume: int | None = None
    frequency: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return self.volume is None and not self.frequency and self.starts_on is None and self.ends_on is None


def goes_by_iwmo(referral: Referral) -> bool:
    """Whether a granted referral reaches its provider as an iWmo toewijzing (301): care in
    kind (a pgb goes through the SVB), a product with iWmo codes, a provider with an AGB code."""
    product, provider = referral.product, referral.provider
    return (referral.form != Form.BUDGET and bool(product.iwmo_category and product.iwmo_code)
            and bool(provider.agb_code))


def check_allocation(errors: Errors, referral: Referral, allocation: Allocation) -> None:
    """Every rule of an allocation, into ``errors`` keyed by the form's fields."""
    volume, frequency = allocation.volume, allocation.frequency
    if volume is not None and not 1 <= volume <= MAX_VOLUME:
        errors.add("volume", _("Enter a whole number of at least 1."))
    if frequency and frequency not in IwmoFrequency.values:
        errors.add("frequency", _("Choose a frequency."))
    if volume is not None and not frequency:
        errors.add("frequency", _("Choose how often the volume applies."))
    if frequency and volume is None:
        errors.add("volume", _("Enter the volume."))
    if volume is not None and not referral.product.unit:
        errors.add("volume", _("The product %(product)s has no unit in the catalogue; ask the functional "
                               "administrator to add it.") % {"product": referral.product.name})
    if goes_by_iwmo(referral):
        if volume is None and not frequency:
            errors.add("volume", _("Enter the omvang: the provider receives it in the toewijzing."))
        if allocation.starts_on is None:
            errors.add("starts_on", _("Enter the date the care starts: the provider receives it in the toewijzing."))
    starts_on, ends_on = allocation.starts_on, allocation.ends_on
    if starts_on and referral.requested_on and starts_on < referral.requested_on:
        errors.add("starts_on", _("This date cannot be before the request date (%(date)s).")
                   % {"date": date_text(referral.requested_on)})
    if ends_on and starts_on is None:
        errors.add("starts_on", _("Enter the date the care starts."))
    if starts_on and ends_on and ends_on < starts_on:
        errors.add("ends_on", _("The care cannot end before it starts."))


def next_allocation_number() -> int:
    """The next toewijzingnummer, inside the granting transaction: above every number given out
    or imported (the counter row is locked, so two grants never get the same number)."""
    counter = (AllocationCounter.objects.select_for_update().filter(pk=1).first()
               or AllocationCounter.objects.create(pk=1, last=0))
    highest = Referral.objects.aggregate(highest=Max("allocation_number"))["highest"] or 0
    counter.last = max(counter.last, highest) + 1
    if counter.last > MAX_ALLOCATION_NUMBER:
        raise RuntimeError("No allocation numbers left (iWmo allows up to 999999999).")
    counter.save(update_fields=["last"])
    return counter.last
