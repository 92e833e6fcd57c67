from django.db import models
from django.db.models import Q


class TaskQuerySet(models.QuerySet):
    def for_user(self, user):
        from cases.permissions import team_ids

        return self.filter(dossier__team_id__in=team_ids(user))

    def open(self):
        return self.filter(done_at__isnull=True, resolved_at__isnull=True)

    def signals(self):
        return self.exclude(signal="")

    def mine(self, user):
        """Assigned to the user, or a signal of a dossier the user is lead worker of."""
        return self.filter(Q(assignee=user) | (~Q(signal="") & Q(assignee__isnull=True, dossier__lead_worker=user)))
