"""Authentication of portal accounts (docs/adr/0120).

Only the portal's own login passes ``portal=True``; the staff login never does, and a
portal user's own password is unusable, so no staff login can authenticate a resident.
``get_user`` serves only portal sessions (the session names this backend)."""

from django.contrib.auth import get_user_model

from portal.models import PortalAccount


class PortalBackend:
    def authenticate(self, request, username=None, password=None, portal=False, **kwargs):
        if not portal or not username or not password:
            return None
        account = (PortalAccount.objects.select_related("user")
                   .filter(email__iexact=username.strip(), active=True).first())
        if account is None or not account.user.is_active:
            PortalAccount().set_password(password)  # same work for an unknown address (timing)
            return None
        return account.user if account.check_password(password) else None

    def get_user(self, user_id):
        user = (get_user_model().objects.filter(pk=user_id, is_active=True)
                .select_related("portal_account__client").first())
        if user is None or not hasattr(user, "portal_account") or not user.portal_account.active:
            return None
        return user
