"""A file field with its own limit (issue 26: upload limits per form, not only at the proxy).

``UploadField(limit_setting="DOCUMENT_MAX_BYTES", suffixes=(".pdf", ...), accepted=_("PDF, ..."))``
checks on the server, all at once, that the file is not empty, not larger than the setting
(read when the form is checked, so a deployment's value counts) and has one of the accepted
extensions, or, given ``accepts``, that ``accepts(upload)`` says yes (the journal reads a
document's type from its first bytes, never from its name); each problem is a Dutch error next
to the field. Its help text names the accepted kinds and the limit, and the browser's file
chooser offers those extensions first (``accept``)."""

from collections.abc import Callable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class UploadField(forms.FileField):
    def __init__(self, *, limit_setting: str, suffixes: tuple[str, ...], accepted,
                 accepts: Callable[..., bool] | None = None, **kwargs):
        self.limit_setting, self.suffixes, self.accepted = limit_setting, suffixes, accepted
        self.accepts = accepts or (lambda upload: upload.name.lower().endswith(suffixes))
        self._help = kwargs.pop("help_text", "")
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ",".join(suffixes)}))
        kwargs.setdefault("allow_empty_file", True)  # "empty" is one of the problems listed together below
        super().__init__(**kwargs)

    @property
    def limit(self) -> int:
        return getattr(settings, self.limit_setting)

    @property
    def help_text(self) -> str:
        limit = _("Accepted: %(kinds)s, at most %(size)s.") % {"kinds": self.accepted,
                                                               "size": filesizeformat(self.limit)}
        return f"{self._help} {limit}".strip()

    @help_text.setter
    def help_text(self, value) -> None:
        self._help = value or self._help

    def validate(self, value) -> None:
        super().validate(value)
        if not value:
            return
        problems = []
        size = getattr(value, "size", 0)
        if size == 0:
            problems.append(ValidationError(_("The file is empty."), code="empty"))
        if size > self.limit:
            problems.append(ValidationError(
                _("This file is %(size)s; it may be at most %(limit)s.")
                % {"size": filesizeformat(size), "limit": filesizeformat(self.limit)}, code="too_large"))
        if size and not self.accepts(value):
            problems.append(ValidationError(
                _("This kind of file is not accepted here. Accepted: %(kinds)s.") % {"kinds": self.accepted},
                code="wrong_type"))
        if problems:
            raise ValidationError(problems)
