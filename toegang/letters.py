"""The beschikking letter and the verslag of the onderzoek, as PDFs in Dutch for the client
(``cases.pdf.Document``: every name prints as written). A letter is made once, when the
decision is taken or the allocation changes, and kept (``toegang.models.Letter``)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.models import Client
from cases.pdf import Document
from cases.rules import date_text, today
from maatwerk.models import Form, Melding, Referral, Status
from toegang.models import Letter, LetterKind


def _address_block(pdf: Document, client: Client | None) -> None:
    if client is None:
        return
    pdf.paragraph(client.display_name)
    if client.address:
        pdf.paragraph(client.address)
    if client.postcode:
        pdf.paragraph(client.postcode)
    pdf.ln(4)


def omvang_text(referral: Referral) -> str:
    if referral.volume is None:
        return ""
    return _("%(volume)s × %(unit)s %(frequency)s") % {
        "volume": referral.volume, "unit": referral.get_unit_display(), "frequency": referral.get_frequency_display()}


def period_text(referral: Referral) -> str:
    if referral.starts_on is None:
        return ""
    if referral.ends_on is None:
        return _("from %(start)s") % {"start": date_text(referral.starts_on)}
    return _("from %(start)s up to and including %(end)s") % {"start": date_text(referral.starts_on),
                                                                "end": date_text(referral.ends_on)}


DECISIONS = {
    LetterKind.GRANTED: gettext_lazy("We grant your request."),
    LetterKind.REJECTED: gettext_lazy("We reject your request."),
    LetterKind.CHANGED: gettext_lazy("We change the care granted to you."),
    LetterKind.REDECIDED: gettext_lazy("After your objection we have taken a new decision."),
}


def beschikking_pdf(referral: Referral, kind: str, issued_on: dt.date) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        client = referral.client
        pdf = Document(_("Decision on your request for support (Wmo 2015)"))
        _address_block(pdf, client)
        pdf.field(_("Date"), date_text(issued_on))
        pdf.field(_("Our reference"), referral.ref)
        if referral.allocation_number:
            pdf.field(_("Allocation number"), referral.allocation_number)
        pdf.ln(4)
        pdf.heading(_("Decision on your request for support (Wmo 2015)"), size=14)
        name = client.display_name if client else _("your household")
        pdf.paragraph(_("Dear %(name)s,") % {"name": name})
        if referral.requested_on:
            pdf.paragraph(_("On %(date)s you asked for %(product)s. In this letter you read what we decided "
                            "and why.") % {"date": date_text(referral.requested_on), "product": referral.product.name})
        pdf.ln(2)
        pdf.bold(_("Our decision"))
        decision = str(DECISIONS[LetterKind(kind)])
        if kind == LetterKind.REDECIDED:
            outcome = LetterKind.GRANTED if referral.status == Status.GRANTED else LetterKind.REJECTED
            decision = f"{decision} {DECISIONS[outcome]}"
        pdf.paragraph(decision)
        pdf.field(_("Provision"), referral.product.name)
        pdf.field(_("Provider"), referral.provider.name)
        if referral.status == Status.GRANTED:
            pdf.field(_("Form"), _("care in kind") if referral.form != Form.BUDGET else _("personal budget (pgb)"))
            pdf.field(_("Extent (omvang)"), omvang_text(referral))
            pdf.field(_("Period"), period_text(referral))
        pdf.ln(2)
        pdf.bold(_("Why we decided this"))
        pdf.paragraph(referral.reasons or _("The reasons were discussed with you in the conversation about your "
                                            "request."))
        pdf.ln(2)
        pdf.bold(_("Do you disagree with this decision?"))
        municipality = settings.WMO_MUNICIPALITY_NAME
        pdf.paragraph(_(
            "Then you can object (bezwaar maken) within six weeks after the date of this letter. Send a letter to "
            "the college of burgemeester en wethouders of %(municipality)s. Write in it: your name and address, the "
            "date, which decision you object to (or send a copy of this letter), why you disagree, and sign it. "
            "If you cannot wait for the answer because it is urgent, you can also ask the court for a provisional "
            "measure (voorlopige voorziening). Your buurtteam can help you with this.")
            % {"municipality": municipality})
        pdf.ln(4)
        pdf.paragraph(_("Kind regards,"))
        pdf.paragraph(_("%(team)s, on behalf of the college of burgemeester en wethouders of %(municipality)s")
                      % {"team": referral.dossier.team.name, "municipality": municipality})
        return pdf.as_bytes()


def issue(referral: Referral, kind: str, *, user: Any) -> Letter:
    """Make and keep the letter of a decision or a change (inside the deciding transaction)."""
    issued_on = today()
    return Letter.objects.create(referral=referral, kind=kind, issued_on=issued_on,
                                 pdf=beschikking_pdf(referral, kind, issued_on),
                                 created_by=user if getattr(user, "pk", None) else None)


def verslag_pdf(melding: Melding) -> bytes:
    """The verslag of the onderzoek as the client receives it on paper, with room for remarks."""
    with translation.override(settings.LANGUAGE_CODE):
        pdf = Document(_("Report of the onderzoek (Wmo 2015)"))
        _address_block(pdf, melding.client)
        pdf.heading(_("Report of the onderzoek (Wmo 2015)"), size=14)
        pdf.field(_("Melding received on"), date_text(melding.melding_on))
        if melding.verslag_on:
            pdf.field(_("Report given on"), date_text(melding.verslag_on))
        pdf.ln(2)
        pdf.bold(_("What we talked about and what we found"))
        pdf.paragraph(melding.verslag or _("(not written yet)"))
        pdf.ln(2)
        pdf.bold(_("Your remarks"))
        if melding.client_remarks:
            pdf.paragraph(melding.client_remarks)
        else:
            pdf.paragraph(_("Do you want to add or correct something? Write it below and give this page to your "
                            "buurtteam, or write it in Mijn buurtteam. We keep your remarks with this report."))
            for _line in range(8):
                pdf.paragraph("_" * 80)
        return pdf.as_bytes()
