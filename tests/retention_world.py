"""A household past its retention term with a row in every app, and one that stays.

Shared by the destruction and inzage tests. The destroyed persons carry marker values
(names, address, e-mail, phone, BSN, source keys) that appear nowhere else, so a test can
search every column of every table for them."""

import datetime as dt

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone

from agenda.models import Appointment, Letter, LetterTemplate, ReminderOptOut
from cases.factories import ClientFactory, DossierMemberFactory, random_bsn, user_with_role
from cases.models import (
    AccessAction,
    AccessLogEntry,
    Dossier,
    DossierEvent,
    DossierSafeguard,
    EventKind,
    FormerClosure,
    MemberRole,
    Role,
)
from journal.factories import JournalEntryFactory
from journal.models import Document
from maatwerk.models import StatusChange
from plans.factories import ActionFactory, GoalFactory, NetworkContactFactory, PlanFactory
from plans.models import PlanEvent
from reporting import factories as rf
from work.factories import TaskFactory
from zrm.models import WithdrawnMeasurement

TODAY = dt.date.today()
LONG_AGO = TODAY.replace(year=TODAY.year - 17, month=3, day=1)
CLOSED = LONG_AGO + dt.timedelta(days=200)  # 16+ years ago: past a 15-year term


def _person(letter: str, index: int):
    return ClientFactory(
        given_name=f"Vnaam{letter}Zq{index}", family_name=f"Fnaam{letter}Zq{index}",
        address=f"Vernietigdlaan{letter}Zq {index}", email=f"persoon{letter}zq{index}@voorbeeld.nl",
        phone=f"06-9{index}77{index}1{index}2{index}", bsn=random_bsn(), postcode="9999ZZ",
    )


class RetentionWorld:
    def __init__(self, team, *, tmp_path):
        self.team = team
        self.worker = user_with_role(Role.GENERALIST, team, username=f"worker-{team.code}")
        self.old_clients = [_person("X", 1), _person("X", 2)]
        self.old = rf.dossier(team, LONG_AGO, members=self.old_clients, closed_on=CLOSED,
                              first_contact_on=LONG_AGO, support_started_on=LONG_AGO + dt.timedelta(days=10),
                              request_summary="HulpvraagXZq schulden en eenzaamheid", lead_worker=self.worker)
        # A member of the old household who is also in a current one: stays.
        self.staying = ClientFactory(given_name="Blijft", family_name="Aanwezig")
        DossierMemberFactory(dossier=self.old, client=self.staying, role=MemberRole.CHILD)
        self.current = rf.dossier(team, TODAY - dt.timedelta(days=40), members=[self.staying])
        self._fill(self.old, self.old_clients[0], tmp_path, "X")
        self._fill(self.current, self.staying, tmp_path, "Y")
        self.destroyed_ids = [self.old.pk]

    def _fill(self, dossier, client, tmp_path, letter):
        worker = self.worker
        measured = dossier.registered_on + dt.timedelta(days=12)
        measurement = rf.measurement(dossier, "nulmeting", measured, {"financien": 2}, client=client)
        WithdrawnMeasurement.objects.create(
            ref=f"wm-{letter}", dossier=dossier, client=client, instrument=measurement.instrument,
            type="tussenmeting", measured_on=measured, scores={"financien": 3}, withdrawn_by=worker,
            created_at=measurement.created_at, reason=f"verkeerd ingevoerd{letter}Zq")
        referral = rf.referral(dossier, "begeleiding", "aanbieder-a", decided_on=measured)
        StatusChange.objects.create(referral=referral, from_status="aangevraagd", to_status="toegekend",
                                    note=f"toegekend{letter}Zq", user=worker)
        PlanFactory(dossier=dossier)
        goal = GoalFactory(dossier=dossier, client=client, description=f"Schulden op orde{letter}Zq")
        contact = NetworkContactFactory(dossier=dossier, name=f"Buurvrouw{letter}Zq")
        ActionFactory(dossier=dossier, goal=goal, by_contact=contact, referral=referral)
        PlanEvent.objects.create(dossier=dossier, user=worker, detail=f"plan{letter}Zq")
        original = JournalEntryFactory(dossier=dossier, client=client, author=worker,
                                       written_on=measured, text=f"Gesprek met {client.given_name}")
        correction = JournalEntryFactory(dossier=dossier, author=worker, written_on=measured, corrects=original,
                                         text=f"Correctie over {client.family_name}")
        JournalEntryFactory(dossier=dossier, author=worker, written_on=measured, corrects=correction,
                            text=f"Tweede correctie {client.address}")
        settings_root = tmp_path / "private"
        settings_root.mkdir(exist_ok=True)
        Document.objects.create(dossier=dossier, kind="brief", description=f"brief aan {client.family_name}",
                                file=ContentFile(b"%PDF-1.4 " + client.family_name.encode(), name="x.pdf"),
                                original_name=f"brief-{client.family_name}.pdf", content_type="application/pdf",
                                size=20, uploaded_by=worker)
        TaskFactory(dossier=dossier, title=f"Bellen met {client.given_name}")
        from frontdoor.factories import AttemptFactory, EarlySignalFactory, ShortContactFactory

        short_contact = ShortContactFactory(team=dossier.team, anonymous=False, client=client, outcome="dossier",
                                            dossier=dossier, contacted_on=dossier.registered_on,
                                            summary=f"Vraag van {client.given_name}")
        signal = EarlySignalFactory(team=dossier.team, dossier=dossier, short_contact=short_contact,
                                    received_on=measured, name=f"{client.family_name}", postcode="9999ZZ")
        AttemptFactory(signal=signal)
        starts = timezone.make_aware(dt.datetime.combine(measured, dt.time(10)))
        appointment = Appointment.objects.create(
            dossier=dossier, kind="huisbezoek", starts_at=starts, ends_at=starts + dt.timedelta(hours=1),
            place_kind="elders", place=f"bij {client.address}", worker_refs=f"werker{letter}Zq", outcome="gehouden")
        appointment.workers.add(worker)
        appointment.members.add(client)
        ReminderOptOut.objects.get_or_create(client=client)
        letter_document = Document.objects.create(
            dossier=dossier, kind="brief", description=f"afspraakbrief aan {client.family_name}",
            file=ContentFile(b"%PDF-1.4 " + client.given_name.encode(), name="y.pdf"),
            original_name=f"afspraak-{client.family_name}.pdf", content_type="application/pdf", size=20,
            uploaded_by=worker)
        Letter.objects.create(dossier=dossier, template=LetterTemplate.objects.order_by("pk").first(), client=client,
                              appointment=appointment, document=letter_document, created_by=worker)
        DossierEvent.objects.create(dossier=dossier, kind=EventKind.UPDATED, user=worker,
                                    detail=f"adres {client.address}")
        DossierSafeguard.objects.create(dossier=dossier, safeguard="huisarts")
        if dossier.closed_on:
            FormerClosure.objects.create(dossier=dossier, closed_on=dossier.closed_on, closure_reason="onbekend",
                                         reopened_by=worker, reason=f"heropend{letter}Zq")
        AccessLogEntry.objects.create(user=worker, action=AccessAction.VIEW, client=client, dossier=dossier,
                                      path=f"/clienten/{client.pk}", detail=f"bekeken {client.family_name}")
        AccessLogEntry.objects.create(user=worker, action=AccessAction.VIEW, dossier=dossier,
                                      path=f"/dossiers/{dossier.pk}/journaal?q={client.given_name}",
                                      detail=f"journal search: {client.given_name}")
        # A search on a list page naming the person, not tied to them.
        AccessLogEntry.objects.create(user=worker, action=AccessAction.SEARCH,
                                      path=f"/dossiers?q={client.family_name}+{client.given_name}",
                                      detail=f"zoeken: {client.family_name}")

    def markers(self) -> list[str]:
        values = ["XZq", self.old.ref, self.old.request_summary]  # "XZq": in every text of the old household
        for person in self.old_clients:
            values += [person.ref, person.given_name, person.family_name, person.address, person.email,
                       person.phone, person.bsn]
        for model in apps.get_models():  # the source keys of every row of the old dossier
            names = {f.name for f in model._meta.concrete_fields}
            if {"dossier", "ref"} <= names and model._meta.get_field("dossier").related_model is Dossier:
                values += list(model._base_manager.filter(dossier=self.old).values_list("ref", flat=True))
        return values
