"""Team scoping of ZRM measurements (``cases.querysets.TeamScopedQuerySet``)."""

from cases.querysets import TeamScopedQuerySet


class MeasurementQuerySet(TeamScopedQuerySet):
    """Measurements of the dossiers of the user's teams."""

    def professional_zrm(self):
        """The ZRM as the team scores it: no resident's zelfscan, no participatieladder
        (client-voice.md; the ZRM development, reminders, plan suggestions and figures)."""
        return self.exclude(type="zelfscan").filter(instrument__kind="zrm")

    def ladder(self):
        """Measurements of the participatieladder."""
        return self.filter(instrument__kind="participatieladder")
