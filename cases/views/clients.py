"""Client pages: the client's own page (scoped through their dossiers, logged), changing a
client (BSN checked again against duplicates), and ``ClientResolution``, the part of the
registration and add-member forms that finds an existing person or creates a new one
without revealing another team's client."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases import services
from cases.audit import log_access, log_access_many
from cases.forms import ClientForm, DuplicateChoiceForm
from cases.history_panel import PANEL_SIZE, client_records, readable
from cases.models import AccessAction, Client, Dossier
from cases.shortcuts import add_service_errors

SEPARATELY = "register_separately"


def _separately_field():
    return forms.BooleanField(
        required=False,
        label=_("Register this person for our team with the details entered here"),
        help_text=_("Only when you know the person is (also) supported by your team. The other team's record "
                    "stays separate and hidden; this step is recorded in the access log."),
    )


class ClientResolution:
    """The new-person part of a form, with the duplicate check shared by registering a
    dossier and adding a member. A BSN that already exists must be the same person;
    a name and birth date that exist may be a different person (the user decides).

    The check reveals only what the user may already see: matches among the clients of
    the user's own teams are offered by name (and the showing is logged); of a match in
    another team it says only that the BSN is registered with another team and how to
    proceed. Another team's client is never offered, so it cannot be linked into this
    team's dossier; registering the person for this team anyway is a deliberate, logged
    step that creates a separate record from what the user typed."""

    def __init__(self, request):
        self.request = request
        self.form = ClientForm(request.POST or None, prefix="client")
        if request.method == "POST" and f"{self.form.prefix}-{SEPARATELY}" in request.POST:
            self.form.fields[SEPARATELY] = _separately_field()
        self.choice_form = None
        self.hidden_matches = 0  # matches in other teams are never counted or described
        self.bsn_taken = False
        self.bsn_elsewhere = False

    def _elsewhere(self, others) -> Client | None:
        """The BSN is registered with another team: say so, log it, and go on only when the
        user deliberately registers the person for their own team."""
        self.bsn_elsewhere = True
        detail = _("duplicate check: BSN registered with another team")
        if self.form.cleaned_data.get(SEPARATELY):
            log_access_many(self.request, AccessAction.SEARCH, clients=others,
                            detail=_("%(check)s; registered separately for the user's team") % {"check": detail})
            return self.form.save(commit=False)
        log_access_many(self.request, AccessAction.SEARCH, clients=others, detail=detail)
        self.form.fields.setdefault(SEPARATELY, _separately_field())
        self.form.add_error("bsn", _("This BSN is already registered with another team. Ask that team whether "
                                     "the dossier should be transferred, or ask your team coach how to proceed."))
        return None

    def resolve(self) -> Client | None:
        """The client to use, or None while the user still has to decide about duplicates."""
        data = self.form.cleaned_data
        candidates = list(
            services.find_duplicates(bsn=data["bsn"], family_name=data["family_name"], birth_date=data["birth_date"])
        )
        if not candidates:
            return self.form.save(commit=False)
        visible = set(Client.objects.for_user(self.request.user).filter(pk__in=[c.pk for c in candidates])
                      .values_list("pk", flat=True))
        usable = [c for c in candidates if c.pk in visible]
        self.bsn_taken = any(c.bsn and c.bsn == data["bsn"] for c in usable)
        others = [c.pk for c in candidates if c.pk not in visible and data["bsn"] and c.bsn == data["bsn"]]
        if others and not self.bsn_taken:
            return self._elsewhere(others)
        if not usable:
            return self.form.save(commit=False)
        # The choice shows the matching clients' names and birth dates: an access to each.
        log_access_many(self.request, AccessAction.VIEW, clients=usable, detail=_("duplicate check"))
        post = self.request.POST if "duplicate_choice" in self.request.POST else None
        self.choice_form = DuplicateChoiceForm(post, candidates=usable, allow_new=not self.bsn_taken)
        if not self.choice_form.is_bound or not self.choice_form.is_valid():
            return None
        choice = self.choice_form.cleaned_data["duplicate_choice"]
        if choice == DuplicateChoiceForm.NEW:
            return self.form.save(commit=False)
        return next((c for c in usable if str(c.pk) == choice), None)


def _client_for_user(request, pk) -> Client:
    return get_object_or_404(Client.objects.for_user(request.user), pk=pk)


def client_detail(request, pk):
    client = _client_for_user(request, pk)
    dossiers = (
        Dossier.objects.for_user(request.user)
        .filter(members__client=client)
        .select_related("team", "lead_worker")
        .order_by("-registered_on")
    )
    log_access(request, AccessAction.VIEW, client=client)
    history = readable(client_records(request.user, client)[:PANEL_SIZE], values=False)
    return render(request, "cases/client_detail.html", {
        "client": client, "dossiers": dossiers, "history": history, "history_more": len(history) == PANEL_SIZE,
    })


def _bsn_error(request, client: Client, bsn: str) -> str | None:
    """Another client with this BSN: named as such when the user may see it; in another
    team only "registered with another team" (a BSN kept unchanged stays allowed: the
    teams registered the person separately on purpose)."""
    if not bsn:
        return None
    owners = list(services.find_duplicates(bsn=bsn, exclude_pk=client.pk).values_list("pk", flat=True))
    if not owners:
        return None
    if Client.objects.for_user(request.user).filter(pk__in=owners).exists():
        return _("Another client already has this BSN.")
    if bsn != Client.objects.filter(pk=client.pk).values_list("bsn", flat=True).first():
        return _("This BSN is already registered with another team. Ask that team whether the dossier should be "
                 "transferred, or ask your team coach how to proceed.")
    return None


def client_edit(request, pk):
    client = _client_for_user(request, pk)
    form = ClientForm(request.POST or None, instance=client)
    if request.method == "POST" and form.is_valid():
        bsn_error = _bsn_error(request, client, form.cleaned_data["bsn"])
        if bsn_error:
            form.add_error("bsn", bsn_error)
        else:
            try:
                services.save_client(form.instance)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                log_access(request, AccessAction.CHANGE, client=client)
                messages.success(request, _("The client's details have been saved."))
                return redirect("cases:client", pk=client.pk)
    log_access(request, AccessAction.VIEW, client=client, detail=_("Edit client"))
    return render(request, "cases/client_form.html", {"client": client, "form": form})
