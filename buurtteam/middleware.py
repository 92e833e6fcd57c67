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


class DutchNotFoundMiddleware:
    """With DEBUG on (``make run``, the set-up people try the product with) Django answers an
    unknown URL or a 404 with its English technical page, listing the URL patterns. Users
    get our Dutch 404 page instead, in every setting; API paths keep their Problem JSON."""

    TECHNICAL_MARKER = b'<meta name="robots" content="NONE,NOARCHIVE">'

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        technical = self.TECHNICAL_MARKER in getattr(response, "content", b"")
        if settings.DEBUG and response.status_code == 404 and technical:
            from django.http import Http404

            from buurtteam.views import page_not_found

            return page_not_found(request, Http404())
        return response


class PrivateNoStoreMiddleware:
    """``Cache-Control: private, no-store`` on every answer to a logged-in person (staff or
    portal: dossier pages, downloads, CSV, PDF), so no shared cache or browser disk keeps
    personal data (issue 26). Static files and the figures API (no personal data, its own
    ETag caching) are left alone, as is an answer that set its own Cache-Control."""

    SKIP = ("/static/", "/api/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # an API client (a signal sender, an indicator token) is no person with a session
        if (getattr(user, "is_authenticated", False) is True and not request.path.startswith(self.SKIP)
                and not response.has_header("Cache-Control")):
            response["Cache-Control"] = "private, no-store"
        return response
