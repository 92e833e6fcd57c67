"""The signal hub's endpoint (front-door.md, issue 28): ``POST /api/v1/signals`` with
``Authorization: Token <token>`` of a ``SignalSender``. That token writes signals and nothing
else: it opens no page and no other endpoint (the indicators API accepts only its own
clients), and this endpoint accepts no other token. Errors are Problem JSON (the project's
exception handler), every invalid field named; nothing is stored then. Idempotent on
``signal_ref``: sending a signal again answers 200 with the same body and changes nothing.
The answer says only that the signal was received: never which team or dossier it reached."""

import hashlib
import secrets
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import authentication, exceptions, serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from frontdoor.earlysignals import SignalData, receive_signal
from frontdoor.models import CreditorKind, SignalSender


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_sender(name: str) -> tuple[SignalSender, str]:
    """A new sender and its token (shown once; only the hash is kept)."""
    token = secrets.token_urlsafe(32)
    return SignalSender.objects.create(name=name, token_hash=hash_token(token)), token


class SignalSenderAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request: Any) -> tuple[SignalSender, SignalSender] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        try:
            token = header[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(_("Invalid token header.")) from exc
        sender = SignalSender.objects.filter(token_hash=hash_token(token), active=True).first()
        if sender is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return sender, sender

    def authenticate_header(self, request: Any) -> str:
        return self.keyword


class IsSignalSender(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return isinstance(request.auth, SignalSender)


class SignalSenderScheme(OpenApiAuthenticationExtension):
    target_class = "frontdoor.api.SignalSenderAuthentication"
    name = "signalSenderToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": "`Token <token>` of a signal sender (writes signals only), created with "
                               "`python manage.py create_signal_sender NAME`."}


class SignalSerializer(serializers.Serializer[Any]):
    signal_ref = serializers.CharField(max_length=64, help_text="The sender's own key of the signal.")
    received_on = serializers.DateField()
    creditor_kind = serializers.ChoiceField(choices=CreditorKind.values)
    creditor = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    arrears_cents = serializers.IntegerField(min_value=1, help_text="The arrears in euro cents.")
    arrears_months = serializers.IntegerField(min_value=1, max_value=999, required=False, allow_null=True,
                                              default=None)
    postcode = serializers.RegexField(r"^[1-9][0-9]{3}[A-Z]{2}$", help_text="Like 3511AB.")
    house_number = serializers.IntegerField(min_value=1, max_value=999_999)
    house_number_addition = serializers.CharField(max_length=10, required=False, allow_blank=True, default="")
    name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class ReceivedSerializer(serializers.Serializer[Any]):
    signal_ref = serializers.CharField()
    status = serializers.CharField(help_text="`ontvangen`.")


@extend_schema(
    summary="Receive an early signal of payment arrears",
    request=SignalSerializer,
    responses={201: ReceivedSerializer, 200: OpenApiResponse(ReceivedSerializer, "Already received (same "
                                                                                 "signal_ref): nothing changed."),
               400: OpenApiResponse(description="Problem JSON naming every invalid field."),
               401: OpenApiResponse(description="Problem JSON: no or an unknown token.")},
    tags=["signals"],
)
class SignalCreateView(APIView):
    authentication_classes = [SignalSenderAuthentication]
    permission_classes = [IsSignalSender]
    throttle_classes: list[Any] = []

    def post(self, request: Request) -> Response:
        serializer = SignalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            signal, created = receive_signal(SignalData(
                ref=data["signal_ref"], received_on=data["received_on"], creditor_kind=data["creditor_kind"],
                arrears_cents=data["arrears_cents"], postcode=data["postcode"], house_number=data["house_number"],
                creditor=data["creditor"], arrears_months=data["arrears_months"],
                house_number_addition=data["house_number_addition"], name=data["name"],
            ), sender=request.auth if isinstance(request.auth, SignalSender) else None)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return Response({"signal_ref": signal.ref, "status": "ontvangen"},
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @classmethod
    def as_view(cls, **initkwargs: Any) -> Any:
        return login_not_required(super().as_view(**initkwargs))
