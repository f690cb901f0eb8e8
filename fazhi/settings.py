"""fazhi settings: one module, driven by the environment (FAZHI_*, DATABASE_URL).

FAZHI_PRODUCTION=1 switches on the hardened settings that pass `check --deploy`.
Secrets are generated into the data dir on first run and never committed.
"""

import os
import secrets
from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("FAZHI_DATA_DIR", BASE_DIR.parent / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

PRODUCTION = os.environ.get("FAZHI_PRODUCTION", "") in ("1", "true", "yes")
DEBUG = os.environ.get("FAZHI_DEBUG", "") in ("1", "true", "yes") and not PRODUCTION


def _secret(name: str, nbytes: int) -> str:
    """Read a secret from the environment, else from the data dir, else create it there."""
    if os.environ.get(name):
        return os.environ[name]
    path = DATA_DIR / name.lower()
    if not path.exists():
        path.write_text(secrets.token_urlsafe(nbytes))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret("FAZHI_SECRET_KEY", 50)
# Key for encrypting personal data at rest and for the keyed lookup hash (rule 7).
FIELD_KEY = _secret("FAZHI_FIELD_KEY", 32)

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("FAZHI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("FAZHI_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Not "ninja": an installed app is imported in every process, and importing django-ninja
    # loads pydantic and the whole API machinery into each `fazhi` command (issue 15). Only
    # its Swagger UI files are needed, from NINJA_DIR below; fazhi.api renders them itself.
    "fazhi.core",
    "fazhi.reviews",
    "fazhi.participation",
    "fazhi.leadership",
    "fazhi.tasks",
    "fazhi.advisers",
    "fazhi.documents",
    "fazhi.contracts",
    "fazhi.inspections",
    "fazhi.decisions",
    "fazhi.publicity",
    "fazhi.exams",
    "fazhi.lawunits",
    "fazhi.training",
    "fazhi.grids",
    "fazhi.disputes",
    "fazhi.petitions",
    "fazhi.earlywarning",
    "fazhi.tenday",
    "fazhi.reports",
    "fazhi.operations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "fazhi.core.middleware.RequestContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "fazhi.core.middleware.SessionRenewalMiddleware",
    "fazhi.core.params.RequestCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "fazhi.core.middleware.TwoFactorRequiredMiddleware",
    "fazhi.core.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "fazhi.core.middleware.SecurityHeadersMiddleware",
    "fazhi.core.middleware.ApiMethodNotAllowedMiddleware",
    "axes.middleware.AxesMiddleware",
]

# django-ninja's package folder, found without importing the package (find_spec of a
# top-level name does not run its __init__): its templates and static files.
NINJA_DIR = Path(find_spec("ninja").origin).parent

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"
AUTH_USER_MODEL = "core.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.core.navigation.navigation",
            ],
            # {% url %} through core.links (fazhi/core/templatetags/fazhi_urls.py).
            "builtins": ["fazhi.core.templatetags.fazhi_urls", "fazhi.core.templatetags.fazhi_format"],
        },
    },
]

# Django's form templates, with the select and input widgets written in Python (same text).
FORM_RENDERER = "fazhi.core.forms.renderers.FastWidgets"

# --- memory kept between requests --------------------------------------------
# Each worker keeps the workbench lists of the people it served in the last minute
# (reports.selectors.workbench_groups; 2–13 KB a person): up to 1,000 people a worker
# (Django's default of 300 would drop lists a busy county still reuses). Nothing here
# needs sharing between workers, so no cache server is part of a deployment.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
    # What every page reads first (the person, memberships, subtree, parameters), kept
    # under the database's epoch (core.epoch): a few entries per active person.
    "worker": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "worker",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# --- database ---------------------------------------------------------------
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # PostgreSQL's default random_page_cost (4) prices a disk that seeks; a county's
        # database lives in RAM and on SSD. With 4 the planner scans a whole table rather
        # than walk (org_unit, date) indexes town by town: the county comparison took 22 s,
        # with 1.1 (the usual SSD setting) 10 s. Set per connection, so no server file
        # needs editing; an `options` in DATABASE_URL (?options=...) wins.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
            "options", "-c random_page_cost=1.1 -c parallel_setup_cost=10000"
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("FAZHI_SQLITE_PATH", str(DATA_DIR / "fazhi.sqlite3")),
            # A worker keeps its connection (and its page cache) between requests.
            "CONN_MAX_AGE": 60,
            "OPTIONS": {
                # IMMEDIATE takes the write lock up front: no "database is locked" on upgrade.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth and login security (等保 2.0, legal-rules §8) ----------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, the person read under the epoch (core.epoch).
    "fazhi.core.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "fazhi.core.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "fazhi.core.passwords.CharacterClassValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workbench"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "fazhi.core.views.auth.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("FAZHI_PROXY_COUNT", "0")) or None
# Per-IP throttle on top of the per-username lock: failures from one address in the window.
# It is ours, not axes', because axes applies one failure limit to every parameter and a
# whole town hall shares one NAT address: 5 failures there must not lock everyone out.
# That is also why axes' W006 (no ip_address in AXES_LOCKOUT_PARAMETERS) is silenced.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
FAZHI_IP_FAILURE_LIMIT = int(os.environ.get("FAZHI_IP_FAILURE_LIMIT", "30"))

# Sessions in the database, read with one fixed statement per request (core.sessions).
SESSION_ENGINE = "fazhi.core.sessions"
# Idle timeout: the session expires 30 minutes after the last request.
SESSION_COOKIE_AGE = 30 * 60
# Renewed by activity at most once a minute (core.middleware.SessionRenewalMiddleware).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag anyway

# --- security headers --------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("FAZHI_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- i18n ---------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- files ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static", NINJA_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = DATA_DIR / "uploads"
# Uploads are never served from MEDIA_URL: the attachment view checks who may see them.
FAZHI_UPLOAD_MAX_BYTES = int(os.environ.get("FAZHI_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
FAZHI_UPLOAD_MAX_EXPANDED_BYTES = int(
    os.environ.get("FAZHI_UPLOAD_MAX_EXPANDED_BYTES", str(200 * 1024 * 1024))
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- audit --------------------------------------------------------------------
# Audit events younger than this are never pruned (等保: keep ≥ 6 months).
FAZHI_AUDIT_MIN_RETENTION_DAYS = 180

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("FAZHI_LOG_LEVEL", "WARNING")},
}
