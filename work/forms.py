from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cases.models import TEAM_ROLES, Dossier


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def team_workers(team_id: int):
    """The generalists and coaches of a team, by name."""
    return (get_user_model().objects.filter(memberships__team_id=team_id, memberships__role__in=TEAM_ROLES,
                                            memberships__confirmed_at__isnull=False, is_active=True)
            .distinct().order_by("first_name", "last_name", "username"))


class WorkerField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    assignee = WorkerField(label=_("Assigned to"), queryset=None, required=False, empty_label=_("The whole team"))
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, team_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = team_workers(team_id)


class ReassignTaskForm(forms.Form):
    assignee = WorkerField(label=_("Assign to"), queryset=None, required=False, empty_label=_("The whole team"))

    def __init__(self, *args, team_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = team_workers(team_id)


class ReassignDossiersForm(forms.Form):
    """A coach hands one or many dossiers to another lead worker in one step."""

    dossiers = forms.ModelMultipleChoiceField(label=_("Dossiers"), queryset=Dossier.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)
    lead_worker = WorkerField(label=_("New lead worker"), queryset=None)

    def __init__(self, *args, team, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].queryset = Dossier.objects.for_user(user).filter(team=team).open()
        self.fields["lead_worker"].queryset = team_workers(team.pk)
