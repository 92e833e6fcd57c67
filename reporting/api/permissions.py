from rest_framework.permissions import BasePermission

from reporting.models import ApiClient


class IsApiClient(BasePermission):
    """Only machine clients (aggregated figures) pass; sessions of users do not."""

    def has_permission(self, request, view):
        return isinstance(request.auth, ApiClient)
