"""Every write of the second factor: enrolment, verification, recovery codes and reset
by the functional administrator. Errors are ``ValidationError``s keyed by the form field
(``code``), so the view shows them next to it."""

import secrets
from base64 import b32decode, b32encode

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.audit import log_access
from cases.models import AccessAction
from cases.permissions import is_beheer, roles
from staffauth.models import DeviceReset, SingleSignOnDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "authenticator-app"
RECOVERY_DEVICE_NAME = "herstelcodes"
# Recovery codes: 10 characters of an alphabet without look-alikes (0/O, 1/l/I).
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def has_staff_role(user) -> bool:
    """Staff need a second factor: any team role, policy or functional administration."""
    found = roles(user)
    return bool(found.team_ids) or found.beleid or found.beheer


def app_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def new_secret() -> str:
    """A fresh TOTP key (hex, 20 bytes as RFC 4226 advises), kept in the session until confirmed."""
    return secrets.token_hex(20)


def secret_for_people(key_hex: str) -> str:
    """The key as people type it into an app: base32 in groups of four."""
    text = b32encode(bytes.fromhex(key_hex)).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def key_from_secret(secret: str) -> str:
    """The hex key of a base32 secret (as printed for the demo)."""
    compact = secret.replace(" ", "").upper()
    return b32decode(compact + "=" * (-len(compact) % 8)).hex()


def _clean_code(code: str) -> str:
    return "".join((code or "").split()).lower()


def _throttled_error(device) -> ValidationError | None:
    allowed, info = device.verify_is_allowed()
    if allowed:
        return None
    wait = info.get("locked_until") if info else None
    seconds = max(1, int((wait - timezone.now()).total_seconds())) if wait else 1
    return ValidationError({"code": _("Too many wrong codes. Try again in %(seconds)s seconds.") % {
        "seconds": seconds}})


@transaction.atomic
def confirm_enrolment(user, key_hex: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """The user's authenticator app shows the code of ``key_hex``: store the app as their
    device, with a fresh set of recovery codes (returned, to be shown once)."""
    if app_device(user) is not None:
        raise ValidationError({"code": _("Two-factor login is already set up for you.")})
    candidate = TOTPDevice(user=user, name=APP_DEVICE_NAME, key=key_hex, confirmed=True)
    if not _verify_unsaved(candidate, code):
        raise ValidationError({"code": _("This code is not right. Enter the 6 digits your app shows now.")})
    candidate.save()
    return candidate, new_recovery_codes(user)


def _verify_unsaved(device: TOTPDevice, code: str) -> bool:
    """TOTP check of a device not stored yet (verify_token saves; an unknown key must not)."""
    from django_otp.oath import TOTP

    code = _clean_code(code)
    if not (code.isdigit() and len(code) == device.digits):
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.verify(int(code), device.tolerance):
        device.last_t = totp.t()
        return True
    return False


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with new ones (each usable once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = ["".join(secrets.choice(_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(user, code: str, recovery: bool = False):
    """The device that accepts ``code`` (the app's 6 digits, or with ``recovery`` a recovery
    code, which is used up), or ``ValidationError`` on ``code``. Wrong codes slow the device
    down (django-otp's throttling: each failure doubles the wait)."""
    code = _clean_code(code)
    model = StaticDevice if recovery else TOTPDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            raise _wrong_code(recovery)
        error = _throttled_error(device)
        if error:
            raise error
        if device.verify_token(code):
            return device
        used = not recovery and _used_already(device, code)
    if used:
        raise ValidationError({"code": _("This code has just been used to log in. Wait for the next code in your "
                                         "app (at most 30 seconds) and enter that one.")})
    raise _wrong_code(recovery)  # after the transaction: the throttling count is kept


def _used_already(device: TOTPDevice, code: str) -> bool:
    """The right code of a time step already used (django-otp accepts each code once): not a typo."""
    from django_otp.oath import TOTP

    if not (code.isdigit() and len(code) == device.digits) or device.last_t < 0:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = totp.t()
    for offset in range(-device.tolerance, device.tolerance + 1):
        t = now + offset
        if t <= device.last_t:
            totp.time = device.t0 + (t - device.drift) * device.step
            if totp.token() == int(code):
                return True
    return False


def _wrong_code(recovery: bool) -> ValidationError:
    if recovery:
        return ValidationError({"code": _("This recovery code is not right or has been used already.")})
    return ValidationError({"code": _("This code is not right. Enter the 6 digits your app shows now.")})


def reset_devices(request, user) -> int:
    """The functional administrator removes every second factor of ``user`` (a lost or new
    phone): at their next login they set up an app again. Logged in the access log."""
    with transaction.atomic():
        removed = 0
        for model in (TOTPDevice, StaticDevice, SingleSignOnDevice):
            removed += model.objects.select_for_update().filter(user=user).delete()[1].get(model._meta.label, 0)
        log_access(request, AccessAction.CHANGE, detail=format_lazy(
            gettext_lazy("Two-factor login of {username} reset ({count} devices removed)"),
            username=user.get_username(), count=removed))
    return removed


def request_reset(request, user) -> DeviceReset:
    """A functional administrator asks to reset ``user``'s second factor: nothing is removed
    until another one confirms (``confirm_reset``). Logged."""
    with transaction.atomic():
        reset = DeviceReset.objects.select_for_update().filter(user=user, confirmed_at__isnull=True).first()
        if reset is None:
            reset = DeviceReset.objects.create(user=user, requested_by=request.user)
        log_access(request, AccessAction.CHANGE, detail=format_lazy(
            gettext_lazy("Two-factor reset of {username} requested; a second administrator must confirm"),
            username=user.get_username()))
    return reset


def may_confirm_reset(by, reset: DeviceReset) -> bool:
    return is_beheer(by) and by.pk not in (reset.requested_by_id, reset.user_id)


def confirm_reset(request, reset_id: int) -> int:
    """A second functional administrator confirms: the devices go (``reset_devices``, logged)."""
    with transaction.atomic():
        reset = (DeviceReset.objects.select_for_update().select_related("user")
                 .filter(pk=reset_id, confirmed_at__isnull=True).first())
        if reset is None:
            raise ValidationError(_("This reset is no longer waiting for confirmation."))
        if not may_confirm_reset(request.user, reset):
            raise PermissionDenied
        reset.confirmed_by, reset.confirmed_at = request.user, timezone.now()
        reset.save(update_fields=["confirmed_by", "confirmed_at"])
        return reset_devices(request, reset.user)
