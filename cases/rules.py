"""The service-error collector every app's services use (docs/adr/0140).

A service checks all of a form's values before it writes anything and reports every
problem at once, keyed by the form field it concerns, so the view can show each one next
to its field in a single round::

    errors = Errors()
    errors.not_in_future("set_on", set_on)
    errors.not_before_registration("set_on", set_on, dossier)
    if target_on and set_on and target_on < set_on:
        errors.add("target_on", _("The target date cannot be before the start date."))
    errors.raise_if_any()

``Errors`` is a ``dict`` of field -> list of messages, so the ``*_errors`` functions that
return a plain dict keep working with it (``errors.update(other)`` merges lists)."""

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

EARLIEST_DATE = dt.date(1900, 1, 1)  # a date before it is a typing error (01-01-0001, 1800)


def today() -> dt.date:
    return timezone.localdate()


def date_text(value: dt.date) -> str:
    """A date as the users write it (dd-mm-jjjj), inside messages."""
    return value.strftime("%d-%m-%Y")


class Errors(dict[str, list[str]]):
    """Rule violations keyed by field; ``raise_if_any`` raises them as one ``ValidationError``."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(str(message))

    def update(self, other=(), /, **kwargs) -> None:
        """Merge another collection of errors: messages of the same field are kept together."""
        items = other.items() if isinstance(other, Mapping) else other
        for field, messages in [*items, *kwargs.items()]:
            for message in [messages] if isinstance(messages, str) else messages:
                self.add(field, message)

    def not_in_future(self, field: str, value: dt.date | None) -> None:
        if value and value > today():
            self.add(field, _("This date lies in the future."))

    def plausible(self, field: str, value: dt.date | None) -> None:
        """A date before 1900 is a typing error (a registration in year 1, a birth in 1800)."""
        if value and value < EARLIEST_DATE:
            self.add(field, implausible_message())

    def not_before(self, field: str, value: dt.date | None, earlier: dt.date | None, message: str,
                   **names) -> None:
        """``message`` names what ``earlier`` is, with ``%(date)s`` for it (and ``names``)."""
        if value and earlier and value < earlier:
            self.add(field, message % {"date": date_text(earlier), **names})

    def not_before_registration(self, field: str, value: dt.date | None, dossier) -> None:
        self.not_before(field, value, dossier.registered_on,
                        _("This date cannot be before the registration date (%(date)s)."))

    def raise_if_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def implausible_message() -> str:
    return _("This date lies before %(date)s: check the year.") % {"date": date_text(EARLIEST_DATE)}


def errors_of(error: ValidationError) -> Errors:
    """A ``ValidationError`` (from a model's ``full_clean`` or another service) as ``Errors``;
    messages without a field go under ``__all__``."""
    errors = Errors()
    if hasattr(error, "error_dict"):
        errors.update({field: [str(m) for m in ValidationError(items).messages]
                       for field, items in error.error_dict.items()})
    else:
        errors.update({"__all__": [str(m) for m in error.messages]})
    return errors
