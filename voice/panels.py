"""The questionnaire's section of the dossier page (``cases.extensions``): whether and when it
was answered, never the answers themselves."""

from typing import Any

from voice.models import Questionnaire
from voice.services import current_set


def voice_panel_context(request: Any, dossier: Any, members: Any) -> dict[str, Any]:
    questionnaire = Questionnaire.objects.for_user(request.user).filter(dossier=dossier).first()
    return {"dossier": dossier, "questionnaire": questionnaire,
            "can_add": dossier.is_closed and questionnaire is None and current_set() is not None}
