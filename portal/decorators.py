"""Portal views are open to the staff login middleware (``login_not_required``) and
guarded by ``portal_required`` instead: a verified portal session of the right kind, or the
portal's own login page."""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse

from portal.middleware import is_portal_session
from portal.querysets import account_of


def portal_required(kind: str | None = None):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            account = account_of(request) if is_portal_session(request) else None
            if account is None or not account.active:
                return redirect_to_login(request.get_full_path(), reverse("portal:login"))
            if kind and account.kind != kind:
                raise Http404
            request.portal_account = account
            return view(request, *args, **kwargs)

        return login_not_required(wrapper)

    return decorator
