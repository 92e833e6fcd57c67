from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Only our own scripts, styles and images: no CDN, no inline script."""

    POLICY = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.POLICY)
        return response


class ApiVersionMiddleware:
    """Dutch API Design Rules: every API response carries the full version in ``API-Version``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response.headers["API-Version"] = settings.API_VERSION
        return response
