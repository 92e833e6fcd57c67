"""What changed since the household agreed to the plan: the agreed version (kept on the
plan by ``services.agree_plan``) compared with the goals and actions now."""

from dataclasses import dataclass

from plans.services import plan_version


@dataclass(frozen=True)
class Change:
    kind: str  # "goal" or "action"
    what: str  # "added", "changed", "removed"
    label: str
    fields: tuple[str, ...] = ()


def changes_since_agreed(plan, goals, actions) -> list[Change]:
    if plan is None or plan.agreed_on is None:
        return []
    agreed = plan.agreed_version or {}
    now = plan_version(goals, actions)
    labels = {g.ref: str(g) for g in goals} | {a.ref: str(a) for a in actions}
    result: list[Change] = []
    for kind, key in (("goal", "goals"), ("action", "actions")):
        before, after = agreed.get(key, {}), now[key]
        for ref, values in after.items():
            if ref not in before:
                result.append(Change(kind, "added", labels[ref]))
            elif values != before[ref]:
                fields = tuple(f for f in values if values[f] != before[ref].get(f))
                result.append(Change(kind, "changed", labels[ref], fields))
        for ref, values in before.items():
            if ref not in after:
                result.append(Change(kind, "removed", values.get("description") or values.get("domain", "")))
    return result
