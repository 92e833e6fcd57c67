"""The portal's rows go with a destroyed dossier and client, and are in the inzage export."""

from cases import extensions, inzage
from plans.factories import GoalFactory
from portal import services
from portal.models import GoalComment, GoalProposal, Message, PortalAccount


def _portal_rows(dossier_a, resident, generalist_a):
    goal = GoalFactory(dossier=dossier_a)
    services.propose_goal(dossier_a, account=resident, client_id=None, domain="overig", description="Voorstel X")
    services.add_comment(goal, user=resident.user, text="Reactie X", from_portal=True)
    services.send_message(dossier_a, user=resident.user, text="Bericht X", from_household=True)


def test_inzage_has_every_portal_part(dossier_a, applicant, resident, generalist_a):
    _portal_rows(dossier_a, resident, generalist_a)
    sections = {s.model: s for s in inzage.collect(applicant)}
    for label in ("portal.PortalAccount", "portal.Invitation", "portal.GoalProposal", "portal.GoalComment",
                  "portal.Message"):
        assert sections[label].rows, label
    assert all("password" not in str(row) and "pbkdf2" not in str(row)
               for row in sections["portal.PortalAccount"].rows)


def test_destruction_removes_portal_rows_and_the_residents_name(dossier_a, applicant, resident, generalist_a):
    _portal_rows(dossier_a, resident, generalist_a)
    user = resident.user
    from portal.retention import destroy

    destroy([dossier_a.pk], [applicant.pk])
    for model in (GoalProposal, GoalComment, Message, PortalAccount):
        assert not model.objects.exists(), model
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.is_active) == ("", "", False)
    assert any(step.step is destroy for step in extensions.destruction_steps())
