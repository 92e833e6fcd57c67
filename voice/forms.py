"""The questionnaire's form: for the worker (answers from paper or the phone) and, with
``resident=True``, for the resident in the portal (no channel, no date: today)."""

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import CheckedForm, date_field
from voice.models import DONT_KNOW, Channel, StatementSet
from voice.services import answer_field, questionnaire_errors

UNNAMED = ""
NOT_ANSWERED = ""


def answer_choices() -> list[tuple[str, Any]]:
    return [
        ("1", _("1 strongly agree")), ("2", _("2 agree")), ("3", _("3 neither agree nor disagree")),
        ("4", _("4 disagree")), ("5", _("5 strongly disagree")), (DONT_KNOW, _("I don't know")),
    ]


class QuestionnaireForm(CheckedForm):
    def __init__(self, *args: Any, version: StatementSet, members: list[Any] | None = None,
                 resident: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # dossier= (CheckedForm)
        self.resident = resident
        self.members = {str(m.client_id): m.client for m in members or []}
        if not resident:
            self.fields["client"] = forms.ChoiceField(
                label=_("Who answered?"), required=False,
                choices=[(UNNAMED, _("not recorded")), *((k, c.display_name) for k, c in self.members.items())])
            self.fields["answered_on"] = date_field(_("Date of the answers"), initial_today=True)
            self.fields["channel"] = forms.ChoiceField(
                label=_("How were the answers given?"), widget=forms.RadioSelect,
                choices=[(c.value, c.label) for c in (Channel.PAPER, Channel.PHONE)])
        self.statements = list(version.statements.all())
        for statement in self.statements:
            self.fields[answer_field(statement.code)] = forms.ChoiceField(
                label=statement.text, choices=answer_choices(), widget=forms.RadioSelect, required=False,
                help_text=_("You may skip a statement.") if resident else "")

    def answers(self, data: dict[str, Any] | None = None) -> dict[str, str | None]:
        data = self.cleaned_data if data is None else data
        return {s.code: data.get(answer_field(s.code)) or None for s in self.statements}

    def service_errors(self, data: dict[str, Any]) -> dict[str, Any]:
        """The service's rules with the form's own errors, in one round (the date and channel a
        resident does not choose are today and the portal)."""
        from cases.services import today

        answered_on: dt.date | None = today() if self.resident else data.get("answered_on")
        channel: str | None = "portaal" if self.resident else data.get("channel")
        errors = questionnaire_errors(self.dossier, client=self.members.get(data.get("client") or ""),
                                      answered_on=answered_on, channel=channel, answers=self.answers(data),
                                      resident=self.resident)
        return dict(errors)

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"client": self.members.get(data.get("client") or ""), "answered_on": data["answered_on"],
                "channel": data["channel"], "answers": self.answers()}
