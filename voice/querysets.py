"""Team scoping of questionnaires (``cases.querysets.TeamScopedQuerySet``)."""

from cases.querysets import TeamScopedQuerySet


class QuestionnaireQuerySet(TeamScopedQuerySet):
    """Questionnaires of the dossiers of the user's teams."""
