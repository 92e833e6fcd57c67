from django.db import models


class ReferralQuerySet(models.QuerySet):
    def for_user(self, user):
        from cases.permissions import team_ids

        return self.filter(dossier__team_id__in=team_ids(user))
