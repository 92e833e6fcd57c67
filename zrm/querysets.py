"""Team scoping of ZRM measurements (``cases.querysets.TeamScopedQuerySet``)."""

from cases.querysets import TeamScopedQuerySet


class MeasurementQuerySet(TeamScopedQuerySet):
    """Measurements of the dossiers of the user's teams."""
