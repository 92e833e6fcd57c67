"""The roles a membership gives. A module of its own, imported by models, querysets and
permissions alike, so none of them needs another at import time."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    GENERALIST = "generalist", _("Generalist")
    TEAMCOACH = "teamcoach", _("Team coach")
    BELEID = "beleid", _("Policy (organisation-wide figures)")
    BEHEER = "beheer", _("Functional administrator")


TEAM_ROLES = (Role.GENERALIST, Role.TEAMCOACH)
