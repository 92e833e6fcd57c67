"""Team scoping of tasks and signals (``cases.querysets.TeamScopedQuerySet``), open ones,
and "mine": assigned to the user, or a signal of a dossier the user leads."""

from django.db.models import Q

from cases.querysets import TeamScopedQuerySet


class TaskQuerySet(TeamScopedQuerySet):
    """Tasks and signals of the dossiers of the user's teams."""

    def open(self):
        return self.filter(done_at__isnull=True, resolved_at__isnull=True)

    def signals(self):
        return self.exclude(signal="")

    def mine(self, user):
        """Assigned to the user, or a signal of a dossier the user is lead worker of."""
        return self.filter(Q(assignee=user) | (~Q(signal="") & Q(assignee__isnull=True, dossier__lead_worker=user)))
