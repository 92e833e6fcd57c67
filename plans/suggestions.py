"""Goal suggestions: the domains the latest nulmeting of each member (or of the household as
a whole) scored 1-3 (onvoldoende zelfredzaam), without an ongoing goal for that member and
domain yet. Read-only; a suggestion becomes a goal through ``services.add_goal``."""

from dataclasses import dataclass

from zrm.models import INSUFFICIENT_STEPS, Domain, Measurement, MeasurementType


@dataclass(frozen=True)
class Suggestion:
    client: object  # a Client, or None for the household as a whole
    domain: str
    label: str
    score: int
    measured_on: object


def suggestions(dossier, goals, members) -> list[Suggestion]:
    """Two queries: the nulmetingen of the dossier, the labels of their domains."""
    latest: dict = {}
    baselines = Measurement.objects.professional_zrm().filter(dossier=dossier, type=MeasurementType.BASELINE)
    for measurement in baselines.order_by("measured_on", "id"):
        latest[measurement.client_id] = measurement  # the last one per unit wins
    if not latest:
        return []
    labels: dict[str, str] = {}
    for code, label in Domain.objects.filter(
        instrument_id__in={m.instrument_id for m in latest.values()}
    ).order_by("instrument_id", "order").values_list("code", "label"):
        labels.setdefault(code, label)
    clients = {m.client_id: m.client for m in members}
    taken = {(g.client_id, g.domain) for g in goals if g.is_open}
    result = []
    for client_id, measurement in latest.items():
        if client_id is not None and client_id not in clients:
            continue
        for code, score in sorted(measurement.scores.items(), key=lambda item: (item[1], item[0])):
            if score in INSUFFICIENT_STEPS and (client_id, code) not in taken and code in labels:
                result.append(Suggestion(clients.get(client_id), code, labels[code], score, measurement.measured_on))
    return result
