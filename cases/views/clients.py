from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cases import services
from cases.audit import log_access
from cases.forms import ClientForm, DuplicateChoiceForm
from cases.models import AccessAction, Client, Dossier
from cases.views.common import add_service_errors


class ClientResolution:
    """The new-person part of a form, with the duplicate check shared by registering a
    dossier and adding a member. A BSN that already exists must be the same person;
    a name and birth date that exist may be a different person (the user decides)."""

    def __init__(self, request):
        self.request = request
        self.form = ClientForm(request.POST or None, prefix="client")
        self.choice_form = None
        self.hidden_matches = 0
        self.bsn_taken = False

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
        usable = [c for c in candidates if c.pk in visible or (c.bsn and c.bsn == data["bsn"])]
        self.hidden_matches = len(candidates) - len(usable)
        self.bsn_taken = any(c.bsn and c.bsn == data["bsn"] for c in usable)
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
    return render(request, "cases/client_detail.html", {"client": client, "dossiers": dossiers})


def client_edit(request, pk):
    client = _client_for_user(request, pk)
    form = ClientForm(request.POST or None, instance=client)
    if request.method == "POST" and form.is_valid():
        bsn_owner = (
            services.find_duplicates(bsn=form.cleaned_data["bsn"], exclude_pk=client.pk).first()
            if form.cleaned_data["bsn"] else None
        )
        if bsn_owner is not None:
            form.add_error("bsn", _("Another client already has this BSN."))
        else:
            try:
                services.save_client(form.instance)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                log_access(request, AccessAction.CHANGE, client=client)
                messages.success(request, _("The client's details have been saved."))
                return redirect("cases:client", pk=client.pk)
    return render(request, "cases/client_form.html", {"client": client, "form": form})
