"""Test helpers of staffauth (used by the persona matrix)."""

from cases.factories import UserFactory, user_with_role
from cases.models import Role
from staffauth.models import DeviceReset


def reset_request(dossier=None, **fields) -> DeviceReset:
    """A second-factor reset asked by one functional administrator, awaiting a second."""
    suffix = getattr(dossier, "pk", "x")
    asker = user_with_role(Role.BEHEER, None, username=f"vraagt-herstel-{suffix}")
    return DeviceReset.objects.create(user=UserFactory.create(username=f"telefoon-kwijt-{suffix}"),
                                      requested_by=asker, **fields)
