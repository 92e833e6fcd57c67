from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import RulesInOneRound
from cases.uploads import UploadField
from journal.models import MAX_MINUTES, MAX_TEXT, Document, DocumentKind, EntryKind
from journal.services import DOCUMENT_TYPES, date_errors, detect_type


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class EntryForm(RulesInOneRound):
    written_on = forms.DateField(label=_("Date"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Kind"), choices=EntryKind.choices)
    client = forms.TypedChoiceField(label=_("About member"), required=False, coerce=int, empty_value=None)
    minutes = forms.IntegerField(label=_("Duration (minutes)"), required=False, min_value=1, max_value=MAX_MINUTES)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), max_length=MAX_TEXT)
    confidential = forms.BooleanField(
        label=_("Confidential"), required=False,
        help_text=_("Only you, the lead worker and the team coaches can read a confidential entry."),
    )

    def __init__(self, *args, members=(), dossier=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.fields["client"].choices = [("", _("The household as a whole"))] + [
            (m.client_id, m.client.display_name) for m in members
        ]
        self.members = {m.client_id: m.client for m in members}

    def rule_errors(self, data: dict) -> dict:
        return date_errors(self.dossier, data.get("written_on")) if self.dossier else {}

    def member(self):
        return self.members.get(self.cleaned_data.get("client"))


class CorrectionForm(forms.Form):
    text = forms.CharField(
        label=_("Correction"), widget=forms.Textarea(attrs={"rows": 6}), max_length=MAX_TEXT,
        help_text=_("The original stays as it is; your correction is shown with it."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the journal"), required=False, max_length=100)


class DocumentForm(forms.Form):
    file = UploadField(label=_("File"), limit_setting="DOCUMENT_MAX_BYTES",
                       suffixes=(".pdf", ".jpg", ".jpeg", ".png", ".docx", ".odt"),
                       accepted=_("PDF, JPEG, PNG, Word (.docx) or OpenDocument (.odt)"),
                       accepts=lambda upload: detect_type(upload) in DOCUMENT_TYPES)  # by content, not name
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    description = forms.CharField(label=_("Description"), required=False,
                                  max_length=Document._meta.get_field("description").max_length)
