"""Team scoping of questionnaires (``cases.querysets.TeamScopedQuerySet``)."""

from typing import Any

from cases.querysets import TeamScopedQuerySet


class QuestionnaireQuerySet(TeamScopedQuerySet[Any]):
    """Questionnaires of the dossiers of the user's teams."""
