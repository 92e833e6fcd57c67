"""Receivers of other apps' signals (connected in ``PlansConfig.ready``)."""


def referral_changed(sender, *, referral, user=None, **kwargs):
    """A referral was decided or got its care period: keep linked actions in step (ADR 0020)."""
    from plans.services import sync_referral_actions

    sync_referral_actions(referral, user)
