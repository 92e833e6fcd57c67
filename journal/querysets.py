"""Scoping of journal entries and documents.

A journal entry is readable by the members of its dossier's team, except a confidential
one: only its author, the dossier's lead worker and the team's coaches read it. Every
page, search, export and list starts from ``JournalEntry.objects.for_user(user)``; the
API serves aggregates only and the admin never shows an entry's text."""

from django.db import models
from django.db.models import Q

from cases.permissions import roles
from cases.querysets import TeamScopedQuerySet


class JournalEntryQuerySet(models.QuerySet):
    def for_user(self, user):
        user_roles = roles(user)
        readable = Q(confidential=False) | Q(dossier__team_id__in=user_roles.coached_team_ids)
        if user_roles.team_ids:
            readable |= Q(author_id=user.pk) | Q(dossier__lead_worker_id=user.pk)
        return self.filter(Q(dossier__team_id__in=user_roles.team_ids) & readable)

    def contact_moments(self):
        """Entries that count as a contact moment: not a note, not a correction."""
        return self.exclude(kind="notitie").filter(corrects__isnull=True)


class DocumentQuerySet(TeamScopedQuerySet):
    """Documents of the dossiers of the user's teams."""
