"""Inzage (AVG art. 15): everything stored about one client, as a PDF for the person and
JSON for machines (docs/adr/0112).

``cases`` contributes the client, the dossiers (as a member), their timeline, safeguards,
former closures and the access log; every other app its own part through
``cases.extensions.register_inzage_section``."""

import datetime as dt
import json
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cases import extensions
from cases.audit import mask_bsn
from cases.extensions import InzageSection, readable_rows
from cases.models import AccessLogEntry, Dossier, DossierEvent, DossierMember, DossierSafeguard, FormerClosure
from cases.pdf import Document


def _cases_sections(client, dossier_ids: list[int]) -> list[InzageSection]:
    in_dossiers = {"dossier_id__in": dossier_ids}
    log = AccessLogEntry.objects.filter(client=client).select_related("user", "dossier").order_by("at", "pk")
    return [
        InzageSection(_("Personal details"), readable_rows([client], skip=("id",)), "cases.Client"),
        InzageSection(_("Household memberships"), readable_rows(
            DossierMember.objects.filter(client=client).select_related("dossier", "client").order_by("pk"),
            skip=()), "cases.DossierMember"),
        InzageSection(_("Dossiers"), readable_rows(
            Dossier.objects.filter(pk__in=dossier_ids).select_related("team", "lead_worker", "referrer")
            .order_by("registered_on", "pk"), skip=("updated_at",)), "cases.Dossier"),
        InzageSection(_("Dossier history"), readable_rows(
            DossierEvent.objects.filter(**in_dossiers).select_related("dossier", "user").order_by("at", "pk")),
            "cases.DossierEvent"),
        InzageSection(_("Safeguards at closure"), readable_rows(
            DossierSafeguard.objects.filter(**in_dossiers).select_related("dossier").order_by("pk")),
            "cases.DossierSafeguard"),
        InzageSection(_("Former closures"), readable_rows(
            FormerClosure.objects.filter(**in_dossiers).select_related("dossier", "reopened_by").order_by("pk")),
            "cases.FormerClosure"),
        InzageSection(_("Who accessed these data"), [{
            _("when"): timezone.localtime(entry.at).strftime("%d-%m-%Y %H:%M"),
            _("user"): entry.user.get_full_name() or entry.user.username if entry.user else "",
            _("action"): entry.get_action_display(),
            _("dossier"): str(entry.dossier) if entry.dossier_id else "",
            _("address"): entry.remote_addr or "",
            _("detail"): mask_bsn(entry.detail),
        } for entry in log], "cases.AccessLogEntry"),
    ]


def collect(client) -> list[InzageSection]:
    """Every section, in the organisation's language (the export is a document of record)."""
    dossier_ids = list(DossierMember.objects.filter(client=client).values_list("dossier_id", flat=True))
    with translation.override(settings.LANGUAGE_CODE):
        sections = _cases_sections(client, dossier_ids) + extensions.inzage_sections(client, dossier_ids)
        return [InzageSection(str(s.title), [{str(k): _text(v) for k, v in row.items()} for row in s.rows], s.model)
                for s in sections]


def _text(value) -> str:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if timezone.is_aware(value) else str(value)
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, Decimal):
        return str(value)
    return "" if value is None else str(value)


def as_json(client, sections: list[InzageSection]) -> str:
    return json.dumps({
        "client": client.ref,
        "made_at": timezone.localtime().isoformat(timespec="seconds"),
        "sections": [{"title": s.title, "model": s.model, "rows": s.rows} for s in sections],
    }, ensure_ascii=False, indent=2)


def as_pdf(client, sections: list[InzageSection]) -> bytes:
    """A readable A4 document in DejaVu Sans (``cases.pdf.Document``: Łucja Şahin-Wójcik prints
    as written): per section a heading and, per row, its fields as Dutch "label: value" lines."""
    with translation.override(settings.LANGUAGE_CODE):
        pdf = Document(_("Inspection of your data"))
        pdf.heading(_("Inspection of your data"))
        pdf.paragraph(_("This is everything the neighbourhood team stores about %(name)s, made on %(date)s. "
                        "Each part below names what we keep. The last part tells who looked at these data and "
                        "when.") % {"name": client.display_name, "date": timezone.localdate().strftime("%d-%m-%Y")})
        for section in sections:
            pdf.ln(4)
            pdf.heading(section.title, size=13)
            if not section.rows:
                pdf.paragraph(_("Nothing stored."), size=10)
            for number, row in enumerate(section.rows, start=1):
                if len(section.rows) > 1:
                    pdf.bold(f"{number}.", size=10)
                for label, value in row.items():
                    if value not in ("", "-", "–"):
                        pdf.field(label, value)
                pdf.ln(1)
        return pdf.as_bytes()
