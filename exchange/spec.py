"""The bundle format as data: files in reading order, their columns, and the codes."""

from dataclasses import dataclass

from cases.models import (
    Client,
    ClosureReason,
    Dossier,
    Gender,
    Location,
    MemberRole,
    Referrer,
    Safeguard,
    Team,
    YesNoUnknown,
)
from maatwerk.models import Category, Form, Product, Provider, Referral, Status
from zrm.models import Measurement, MeasurementType


@dataclass(frozen=True)
class FileSpec:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    domain_columns: bool = False  # zrm.csv: one extra column per ZRM domain

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


FILES = (
    FileSpec("teams.csv", ("code", "name"), ("population", "fte")),
    FileSpec("referrers.csv", ("code", "name"), ("self_referral",)),
    FileSpec("providers.csv", ("code", "name")),
    FileSpec("products.csv", ("code", "name", "category")),
    FileSpec("clients.csv", ("client_ref",), ("bsn", "birth_date", "gender", "postcode")),
    FileSpec(
        "dossiers.csv",
        ("dossier_ref", "team", "registered_on"),
        (
            "referrer", "first_contact_on", "first_contact_location", "support_started_on", "closed_on",
            "closure_reason", "can_continue_independently", "client_rating", "lead_worker",
        ),
    ),
    FileSpec("dossier_clients.csv", ("dossier_ref", "client_ref"), ("role",)),
    FileSpec("dossier_safeguards.csv", ("dossier_ref", "safeguard")),
    FileSpec(
        "zrm.csv", ("measurement_ref", "dossier_ref", "instrument", "type", "measured_on"), ("client_ref",),
        domain_columns=True,
    ),
    FileSpec(
        "referrals.csv",
        ("referral_ref", "dossier_ref", "product", "provider", "status"),
        ("client_ref", "form", "requested_on", "decided_on", "starts_on", "ends_on"),
    ),
)
FILES_BY_NAME = {spec.name: spec for spec in FILES}
REQUIRED_FILE = "dossiers.csv"

# Column order used when exporting (the order of the spec's table).
EXPORT_COLUMNS = {
    "teams.csv": ("code", "name", "population", "fte"),
    "referrers.csv": ("code", "name", "self_referral"),
    "providers.csv": ("code", "name"),
    "products.csv": ("code", "name", "category"),
    "clients.csv": ("client_ref", "bsn", "birth_date", "gender", "postcode"),
    "dossiers.csv": (
        "dossier_ref", "team", "registered_on", "referrer", "first_contact_on", "first_contact_location",
        "support_started_on", "closed_on", "closure_reason", "can_continue_independently", "client_rating",
        "lead_worker",
    ),
    "dossier_clients.csv": ("dossier_ref", "client_ref", "role"),
    "dossier_safeguards.csv": ("dossier_ref", "safeguard"),
    "zrm.csv": ("measurement_ref", "dossier_ref", "client_ref", "instrument", "type", "measured_on"),
    "referrals.csv": (
        "referral_ref", "dossier_ref", "client_ref", "product", "provider", "form", "status", "requested_on",
        "decided_on", "starts_on", "ends_on",
    ),
}

CODES = {
    "gender": frozenset(Gender.values),
    "first_contact_location": frozenset(Location.values),
    "closure_reason": frozenset(ClosureReason.values),
    "can_continue_independently": frozenset(YesNoUnknown.values),
    "role": frozenset(MemberRole.values),
    "safeguard": frozenset(Safeguard.values),
    "category": frozenset(Category.values),
    "type": frozenset(MeasurementType.values),
    "form": frozenset(Form.values),
    "status": frozenset(Status.values),
}
BOOLEANS = {"true": True, "false": False}


def _limit(model, field: str) -> int:
    return model._meta.get_field(field).max_length


# Longest value per column, as the database stores it (codes and BSN/postcode are checked by format).
MAX_LENGTHS = {
    "teams.csv": {"code": _limit(Team, "code"), "name": _limit(Team, "name")},
    "referrers.csv": {"code": _limit(Referrer, "code"), "name": _limit(Referrer, "name")},
    "providers.csv": {"code": _limit(Provider, "code"), "name": _limit(Provider, "name")},
    "products.csv": {"code": _limit(Product, "code"), "name": _limit(Product, "name")},
    "clients.csv": {"client_ref": _limit(Client, "ref")},
    "dossiers.csv": {"dossier_ref": _limit(Dossier, "ref"), "lead_worker": _limit(Dossier, "lead_worker_ref")},
    "zrm.csv": {"measurement_ref": _limit(Measurement, "ref")},
    "referrals.csv": {"referral_ref": _limit(Referral, "ref")},
}
