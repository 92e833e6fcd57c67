"""Settings for buurtteam. Every value that differs per deployment comes from the
environment through ``buurtteam.env`` (documented in ``.env.example``); with no
environment at all the app runs on SQLite with Celery tasks executed eagerly."""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from buurtteam import env

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env.boolean("DEBUG", default=True)
_DEV_SECRET_KEY = "insecure-development-key-only-for-the-embedded-default-setup"  # noqa: S105
SECRET_KEY = env.string("SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else None)
ALLOWED_HOSTS = env.string_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.string_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "buurtteam.apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "axes",
    "cases",
    "zrm",
    "maatwerk",
    "plans",
    "reporting",
    "exchange",
    "journal",
    "work",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "staffauth",
    "django_otp.plugins.otp_email",
    "portal",
    "toegang",
    "frontdoor",
    "agenda",
    "voice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "buurtteam.middleware.ContentSecurityPolicyMiddleware",
    "buurtteam.middleware.ApiVersionMiddleware",
    "reporting.api.middleware.ApiProblemMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "buurtteam.middleware.PrivateNoStoreMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cases.history.CurrentUserMiddleware",
    "portal.middleware.PortalSeparationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "staffauth.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "buurtteam.middleware.DutchNotFoundMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "buurtteam.replica.ReplicaReadsMiddleware",
    "cases.form_keys.FormKeyMiddleware",  # last: claims a form's one-time key after every check
]

ROOT_URLCONF = "buurtteam.urls"
WSGI_APPLICATION = "buurtteam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cases.context_processors.navigation",
            ],
            "builtins": ["cases.templatetags.form_key"],  # {% form_key %} in every POST form
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.string("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A read replica for the dashboards and the API (buurtteam.replica; README "Scaling out").
if env.string("DATABASE_REPLICA_URL", ""):
    DATABASES["replica"] = dj_database_url.parse(
        env.string("DATABASE_REPLICA_URL", ""), conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["buurtteam.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env.string("CACHE_URL", "")}
        if env.string("CACHE_URL", "")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# A POST form sent twice is saved once (cases.form_keys): the key is kept this many seconds,
# and a repeat that arrives while the first is still running waits at most FORM_KEY_WAIT.
FORM_KEY_TTL = env.integer("FORM_KEY_TTL", 24 * 60 * 60)
FORM_KEY_WAIT = env.integer("FORM_KEY_WAIT", 10)

AUTHENTICATION_BACKENDS = [
    "cases.throttle.AddressThrottleBackend",  # failed logins per address (password spraying)
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "portal.backends.PortalBackend",
    "portal.oidc.PortalOIDCBackend",  # DigiD; answers only on its own callback URL
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cases:home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = 9 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling (django-axes): five failures per username+address lock for 15 minutes.
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5)
# Per address as well, over every username (cases.throttle): a shared office address makes
# a few wrong passwords a day, a spraying attack dozens in minutes.
LOGIN_FAILURES_PER_ADDRESS = env.integer("LOGIN_FAILURES_PER_ADDRESS", 30)
LOGIN_FAILURE_WINDOW = env.integer("LOGIN_FAILURE_WINDOW", 15 * 60)  # seconds
API_TOKEN_FAILURES_PER_ADDRESS = env.integer("API_TOKEN_FAILURES_PER_ADDRESS", 20)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Trusted proxies in front of the app: the client address (access log, login and API
# throttling) is taken from X-Forwarded-For by cases.audit.client_address.
PROXY_COUNT = env.integer("PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "cases.audit.client_address"
# Two-factor login for staff (staffauth, docs/adr/0090): an authenticator app (TOTP) with
# recovery codes before any other page. Not under these prefixes: the portal has its own
# login by e-mailed code, the API authenticates by token only.
STAFF_2FA_EXEMPT_PREFIXES = ("/mijn/", "/api/")
OTP_TOTP_ISSUER = "Buurtteam"
# Wrong codes: each failure doubles the wait before the next try (1, 2, 4 ... seconds).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Optional single sign-on for staff through the organisation's OpenID Connect provider
# (staffauth.oidc, docs/adr/0091): on when STAFF_OIDC_RP_CLIENT_ID is set. The names are
# mozilla-django-oidc's own with the prefix STAFF_ (the portal configures the library apart).
STAFF_OIDC_RP_CLIENT_ID = env.string("STAFF_OIDC_RP_CLIENT_ID", "")
STAFF_OIDC_RP_CLIENT_SECRET = env.string("STAFF_OIDC_RP_CLIENT_SECRET", "")
STAFF_OIDC_OP_AUTHORIZATION_ENDPOINT = env.string("STAFF_OIDC_OP_AUTHORIZATION_ENDPOINT", "")
STAFF_OIDC_OP_TOKEN_ENDPOINT = env.string("STAFF_OIDC_OP_TOKEN_ENDPOINT", "")
STAFF_OIDC_OP_USER_ENDPOINT = env.string("STAFF_OIDC_OP_USER_ENDPOINT", "")
STAFF_OIDC_OP_JWKS_ENDPOINT = env.string("STAFF_OIDC_OP_JWKS_ENDPOINT", "")
STAFF_OIDC_RP_SIGN_ALGO = env.string("STAFF_OIDC_RP_SIGN_ALGO", "RS256")
STAFF_OIDC_RP_SCOPES = env.string("STAFF_OIDC_RP_SCOPES", "openid email profile")
STAFF_OIDC_USE_PKCE = True
STAFF_OIDC_TIMEOUT = 10
STAFF_OIDC_EMAIL_CLAIM = env.string("STAFF_OIDC_EMAIL_CLAIM", "email")
# The ID token's claim that says the provider checked a second factor (RFC 8176 amr "mfa").
STAFF_OIDC_MFA_CLAIM = env.string("STAFF_OIDC_MFA_CLAIM", "amr")
STAFF_OIDC_MFA_VALUES = env.string_list("STAFF_OIDC_MFA_VALUES", ["mfa"])
if STAFF_OIDC_RP_CLIENT_ID:
    AUTHENTICATION_BACKENDS.append("staffauth.oidc.StaffOIDCBackend")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.string("STATIC_ROOT", str(BASE_DIR / "staticfiles")))  # collectstatic writes here
STATICFILES_DIRS = [BASE_DIR / "static"]
# The font of the PDFs people receive (cases.pdf), fetched by scripts/fetch_static.py.
PDF_FONT_DIR = Path(env.string("PDF_FONT_DIR", str(BASE_DIR / "static" / "vendor" / "dejavu-fonts-ttf")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(BASE_DIR / "media")))  # uploaded bundles (private, never served)
# Request size caps in the app, not only at the proxy (issue 26). A request body without its
# files (form fields, API JSON) may be 2.5 MB: the longest form is a few 4,000-character texts;
# Django answers more with 400. Uploaded files above 2.5 MB are streamed to a temporary file
# instead of held in a worker's memory. 2,000 fields: the largest form is a coach's caseload
# reassignment (one checkbox per open dossier). One file per request: no form takes more.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.integer("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = env.integer("FILE_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env.integer("DATA_UPLOAD_MAX_NUMBER_FIELDS", 2000)
DATA_UPLOAD_MAX_NUMBER_FILES = env.integer("DATA_UPLOAD_MAX_NUMBER_FILES", 1)
# Each upload form's own limit (cases.uploads.UploadField: checked in the app, shown in the help text).
BUNDLE_UPLOAD_MAX_BYTES = env.integer("BUNDLE_UPLOAD_MAX_BYTES", 200 * 1024 * 1024)
SIGNALS_UPLOAD_MAX_BYTES = env.integer("SIGNALS_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
# Dossier documents (letters, signed plans, consent forms): outside the media and static roots,
# served only by the scoped and logged download view of the journal app.
PRIVATE_MEDIA_ROOT = Path(env.string("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
DOCUMENT_MAX_BYTES = env.integer("DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
# Retention (AVG, Wmo): a closed dossier's personal data is due for destruction this many years
# after closure; an organisation may set shorter terms for some data kinds (cases.retention).
RETENTION_YEARS = env.integer("RETENTION_YEARS", 15)
# Four eyes (docs/adr/0190): the second approver of a destruction list must have held the
# functional administrator role, confirmed by someone other than the proposer, this many days.
FOUR_EYES_COOLING_OFF_DAYS = env.integer("FOUR_EYES_COOLING_OFF_DAYS", 7)
RETENTION_YEARS_BY_KIND = env.string_list("RETENTION_YEARS_BY_KIND", [])  # e.g. journal=7,documents=5
# Indicator computation: database connections used at once on PostgreSQL (groups of
# families in parallel, docs/adr/0130); 1 computes one family after another.
INDICATOR_CONNECTIONS = env.integer("INDICATOR_CONNECTIONS", 2)
# Start pages by role (URL names; cases.views.home imports no other app).
HOME_URL_GENERALIST = "work:my_work"
HOME_URL_TEAMCOACH = "reporting:home"
# What a bundle may unpack to (zip bombs); a 1,000,000-dossier bundle is about 410 MB.
BUNDLE_MAX_UNPACKED_BYTES = env.integer("BUNDLE_MAX_UNPACKED_BYTES", 1024 * 1024 * 1024)

# Mail (invitations, login codes). Without EMAIL_HOST mail is printed on the console.
EMAIL_BACKEND = env.string("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend" if env.string(
    "EMAIL_HOST", "") else "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.string("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "buurtteam@localhost")

# The client portal (/mijn/, portal app): invitations and the e-mailed login code (django-otp).
PORTAL_INVITATION_DAYS = env.integer("PORTAL_INVITATION_DAYS", 14)
OTP_EMAIL_SENDER = DEFAULT_FROM_EMAIL
OTP_EMAIL_SUBJECT = _("Your login code for Mijn buurtteam")
OTP_EMAIL_BODY_TEMPLATE_PATH = "portal/email/login_code.txt"
OTP_EMAIL_TOKEN_VALIDITY = 10 * 60
# The portal counts wrong login codes per account itself (portal.throttle): the device's doubling
# delay refused a correct code typed within a second after a wrong one.
OTP_EMAIL_THROTTLE_FACTOR = 0
# DigiD for residents through the municipality's OpenID Connect broker (portal.oidc): on when
# PORTAL_OIDC_RP_CLIENT_ID is set. mozilla-django-oidc's names with the prefix PORTAL_.
PORTAL_OIDC_RP_CLIENT_ID = env.string("PORTAL_OIDC_RP_CLIENT_ID", "")
PORTAL_OIDC_RP_CLIENT_SECRET = env.string("PORTAL_OIDC_RP_CLIENT_SECRET", "")
PORTAL_OIDC_OP_AUTHORIZATION_ENDPOINT = env.string("PORTAL_OIDC_OP_AUTHORIZATION_ENDPOINT", "")
PORTAL_OIDC_OP_TOKEN_ENDPOINT = env.string("PORTAL_OIDC_OP_TOKEN_ENDPOINT", "")
PORTAL_OIDC_OP_USER_ENDPOINT = env.string("PORTAL_OIDC_OP_USER_ENDPOINT", "")
PORTAL_OIDC_OP_JWKS_ENDPOINT = env.string("PORTAL_OIDC_OP_JWKS_ENDPOINT", "")
PORTAL_OIDC_RP_SIGN_ALGO = env.string("PORTAL_OIDC_RP_SIGN_ALGO", "RS256")
PORTAL_OIDC_RP_SCOPES = env.string("PORTAL_OIDC_RP_SCOPES", "openid")
PORTAL_OIDC_BSN_CLAIM = env.string("PORTAL_OIDC_BSN_CLAIM", "bsn")
PORTAL_OIDC_USE_PKCE = True
PORTAL_OIDC_TIMEOUT = 10

# Security headers. The HTTPS settings apply whenever DEBUG is off.
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env.boolean("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Celery: Redis as broker in deployments; without a broker URL tasks run eagerly in-process.
CELERY_BROKER_URL = env.string("CELERY_BROKER_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = env.boolean("CELERY_TASK_ALWAYS_EAGER", CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.string("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Registrations of past weeks keep changing: every night recompute the current
    # and the previous quarter, with their months.
    "recompute-recent-indicators": {
        "task": "reporting.tasks.recompute_recent_periods",
        "schedule": crontab(hour=2, minute=30),
    },
    # Signals (tasks the system raises and closes itself) follow the day: every night.
    "derive-signals": {
        "task": "work.tasks.derive_signals",
        "schedule": crontab(hour=2, minute=0),
    },
    # The client-experience questionnaire's one reminder, a week after closure (client-voice.md).
    "remind-questionnaires": {
        "task": "portal.tasks.remind_questionnaires",
        "schedule": crontab(hour=9, minute=0),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["reporting.api.authentication.ApiClientTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["reporting.api.permissions.IsApiClient"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "reporting.api.problems.problem_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "reporting.api.throttling.ApiClientRateThrottle",
    ],
    # Per API client (reporting/api/throttling.py); the benchmark raises it to measure throughput.
    "DEFAULT_THROTTLE_RATES": {"anon": "30/minute", "api_client": env.string("API_THROTTLE_RATE", "600/minute")},
    "UNAUTHENTICATED_USER": None,
    "NUM_PROXIES": PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Buurtteam indicatoren API",
    "DESCRIPTION": "Quarterly indicators of the buurtteams for the municipality. Aggregated figures only.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}
API_VERSION = "1.0.0"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", "INFO")},
    # fontTools reports every font subset of a PDF at INFO.
    "loggers": {"django.db.backends": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Wmo toegang and iWmo 3.2 with the providers (toegang, docs/adr/0160, 0161): the municipality's
# code (gemeentecode, 4 digits) is the sender of every 301/319 and the receiver providers name;
# the GGk adapter exchanges the messages through two folders.
IWMO_GEMEENTECODE = env.string("IWMO_GEMEENTECODE", "0344")
IWMO_OUTBOX_DIR = Path(env.string("IWMO_OUTBOX_DIR", str(BASE_DIR / "iwmo" / "uit")))
IWMO_INBOX_DIR = Path(env.string("IWMO_INBOX_DIR", str(BASE_DIR / "iwmo" / "in")))
WMO_MUNICIPALITY_NAME = env.string("WMO_MUNICIPALITY_NAME", "Utrecht")
# Watchdogs (issue 26, item 8): an import or a recomputation whose worker died is given back
# with a message; an upload never confirmed is deleted after a day.
IMPORT_STALE_MINUTES = env.integer("IMPORT_STALE_MINUTES", 30)
IMPORT_KEEP_UNCONFIRMED_HOURS = env.integer("IMPORT_KEEP_UNCONFIRMED_HOURS", 24)
RECOMPUTE_STALE_MINUTES = env.integer("RECOMPUTE_STALE_MINUTES", 60)
CELERY_BEAT_SCHEDULE["import-watchdog"] = {"task": "exchange.tasks.import_watchdog", "schedule": crontab(minute="*/10")}
CELERY_BEAT_SCHEDULE["recompute-watchdog"] = {
    "task": "reporting.tasks.recompute_watchdog", "schedule": crontab(minute="*/10")}
CELERY_BEAT_SCHEDULE["iwmo-exchange"] = {
    "task": "toegang.tasks.exchange_with_providers",
    "schedule": crontab(minute="*/5"),
}

# The front door (frontdoor, front-door.md, docs/adr/0150): the first outreach attempt on an early
# signal is due within this many working days after it was received.
SIGNAL_FIRST_ATTEMPT_WORKING_DAYS = env.integer("SIGNAL_FIRST_ATTEMPT_WORKING_DAYS", 10)
# Appointments (agenda, docs/adr/0170): residents with a portal account get an e-mail the day
# before an appointment, unless they turned it off in the portal.
CELERY_BEAT_SCHEDULE["appointment-reminders"] = {
    "task": "portal.tasks.send_appointment_reminders",
    "schedule": crontab(hour=16, minute=0),
}
