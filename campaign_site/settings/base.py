"""Settings shared by every environment; safe for production on their own.

Every deploy-time value comes from the environment with a typed default and is
listed in `.env.example`.
"""

import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import environ

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "campaign_site"

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "programs",
    "stories",
    "participation",
    "search",
    "opendata",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages from the cache: a hit skips all below (home/page_cache.py).
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, except that it leaves the open-data API's JSON 404s alone (opendata/middleware.py).
    "opendata.middleware.LocaleMiddlewareOutsideApi",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Tells which device, if any, verified this session (request.user.is_verified()) ...
    "django_otp.middleware.OTPMiddleware",
    # ... and holds accounts that must use one at the second sign-in step (home/two_factor/middleware.py).
    "home.two_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "programs.editor_guidance.WorkflowActionMessageMiddleware",  # a message after approve or reject
    "campaign_site.csp.CampaignXFrameOptionsMiddleware",  # Django's, SAMEORIGIN for the admin's preview
    "campaign_site.csp.CampaignCSPMiddleware",  # django-csp's, plus the admin's report-only policy
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so a throttled login never reaches the authentication backends.
    "axes.middleware.AxesMiddleware",
]

# Django's deploy check looks for its own XFrameOptionsMiddleware by name; CampaignXFrameOptionsMiddleware
# is a subclass of it (DENY everywhere, SAMEORIGIN for the admin's preview), tested in tests/test_editor_flows.py.
SILENCED_SYSTEM_CHECKS = ["security.W002"]

ROOT_URLCONF = "campaign_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "campaign_site.wsgi.application"

# Database: a SQLite file unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the source locale; French and English are translations of the whole site. Arabic,
# Ukrainian, Persian (written for Dari and Farsi readers alike) and Tigrinya speak on the newcomer path only:
# the interface, the home page, the newcomers' pages, the finder, programmes and organisations, the request
# form. Each language is named in its own script (the language switcher shows these names).
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("fr", "Français"),
    ("en", "English"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("fa", "فارسی"),
    ("ti", "ትግርኛ"),
]
NEWCOMER_LANGUAGES = ["ar", "uk", "fa", "ti"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks Dutch, French and English only (Wagtail would otherwise offer every language it ships).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES[:3]
# Django knows no Tigrinya: its name and direction for {% get_language_info %} and get_language_bidi().
LANG_INFO.update({"ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"}})
WAGTAIL_I18N_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The second: French for django-otp-webauthn's messages, which it ships without (not touched by makemessages).
LIBRARY_LOCALE_DIR = PROJECT_DIR / "locale_libraries"
LOCALE_PATHS = [PROJECT_DIR / "locale", LIBRARY_LOCALE_DIR]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = env.str("STATIC_URL", default="/static/")
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": env.str("MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://campaign")}

# The page cache for anonymous visitors (home/page_cache.py): how long a page is kept (in this cache
# and, as s-maxage, by a CDN) unless a publication purges it first; 0 switches it off. A CDN purges exact
# addresses only, so it keeps pages with a query string (the overview's filters) for a shorter time.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60 * 60)
PAGE_CACHE_CDN_SECONDS_WITH_QUERY = env.int("PAGE_CACHE_CDN_SECONDS_WITH_QUERY", default=60)

# Who is told when a page changes (home/cache_purge.py): the page cache above, and the CDN if one is configured.
WAGTAILFRONTENDCACHE = {"local": {"BACKEND": "home.page_cache.LocalPageCacheBackend"}}
if env.str("FRONTEND_CACHE_CLOUDFLARE_ZONEID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
        "BEARER_TOKEN": env.str("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"),
    }
if env.str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", default=""):
    # Needs boto3; credentials from the usual AWS_* environment variables.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    # A cache that accepts HTTP PURGE requests (Varnish, nginx with a purge module).
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
# Each language's pages have their own addresses (translated slugs): purges name translations themselves,
# instead of Wagtail swapping the /nl/ prefix of every URL for the others'.
WAGTAILFRONTENDCACHE_LANGUAGES = []

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Buddies With Refugees <noreply@buddieswithrefugees.be>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Buddies With Refugees"
# No Gravatar: editors' e-mail hashes stay off a third-party service (and the admin CSP); Wagtail
# shows its own default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.CampaignImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Stricter upload checks (SVG, decompression bombs, damaged files); see home/image_validation.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.CampaignImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
# Every download goes through Wagtail's serve view, never a storage URL: a document is public once a published
# page links to it, before that only for its editors (home/wagtail_hooks.py; README, "Documents").
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# A pasted URL of one of the site's pages becomes a page link only when it matches exactly, without asking
# (the question would name the page by its draft title; home/admin_views.py).
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = "exact"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# No background autosave: each autosaved revision of a page under review needs an approval of its
# own (the setting above), so a reviewer merely opening the edit view, or an autosave landing just
# after a submission, left the approved text unpublished. Editors save drafts explicitly; Wagtail
# still warns before leaving a page with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0

# Search: the database backend unless ELASTICSEARCH_URL points at a server.
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="campaign_")
# The search server is Elasticsearch 9 (what scripts/search-server runs). Beside it the database
# backend stays current, and every search falls back to it when the server does not answer.
DATABASE_SEARCH_BACKEND = {"BACKEND": "search.backends.database"}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": env.int("SEARCH_SERVER_TIMEOUT", default=5),
            "ATOMIC_REBUILD": True,
            "FALLBACK": "database",
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}
# After the search server fails, searches go straight to the database for this many seconds.
SEARCH_SERVER_RETRY_AFTER = env.int("SEARCH_SERVER_RETRY_AFTER", default=30)

# Security headers (HSTS and secure cookies are switched on in production.py).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    # Wagtail's admin still relies on inline scripts; the public site does not. The admin gets the
    # report-only policy below instead (campaign_site/csp.py).
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        # No nonce: cached pages are shared, and a nonce served twice protects nothing. Public scripts are
        # files from 'self'; JSON-LD blocks are data, which script-src does not govern.
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# What the admin's policy would be without Wagtail's inline scripts and styles, sent report-only to
# the admin's paths; browsers report what it would block to /csp-report/ (campaign_site/csp.py).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
        "frame-ancestors": [SELF],  # the live preview shows pages in a frame of the edit view
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "report-uri": "/csp-report/",
    },
}

# The proxies in front of the app servers (TLS proxy, CDN): how many there are, or their addresses
# or networks. Without either, X-Forwarded-For is ignored. See home/client_ip.py.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
try:
    TRUSTED_PROXIES = [str(ipaddress.ip_network(p, strict=False)) for p in env.list("TRUSTED_PROXIES", default=[])]
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error} (e.g. 10.0.0.5 or 10.0.0.0/24).") from error

# Login throttling: lock an account/IP pair after repeated failures, keyed on the real client address.
AXES_CLIENT_IP_CALLABLE = "home.client_ip.client_ip"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"

# Two-factor sign-in (home/two_factor/): the name authenticator apps show beside the account. Wrong codes
# are throttled per device: each failure doubles the wait before the next try (1, 2, 4 … seconds).
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Passkeys (django-otp-webauthn), a second factor only: never a sign-in without the password. A passkey is
# bound to the relying party id, the site's domain; changing it later makes every registered passkey useless.
# Browsers accept no IP address as that domain, so on http://127.0.0.1:8000 passkeys work at
# http://localhost:8000 instead.
_admin_address = urlsplit(WAGTAILADMIN_BASE_URL)
_passkey_host = "localhost" if _admin_address.hostname in ("127.0.0.1", "::1") else _admin_address.hostname
_passkey_port = f":{_admin_address.port}" if _admin_address.port else ""
OTP_WEBAUTHN_RP_ID = env.str("WEBAUTHN_RP_ID", default=_passkey_host)
OTP_WEBAUTHN_RP_NAME = env.str("WEBAUTHN_RP_NAME", default=WAGTAIL_SITE_NAME)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list(
    "WEBAUTHN_ALLOWED_ORIGINS", default=[f"{_admin_address.scheme}://{_passkey_host}{_passkey_port}"]
)
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# Freshness of programme listings (see programs/freshness.py).
LISTING_REMINDER_DAYS = env.int("LISTING_REMINDER_DAYS", default=180)
LISTING_OUTDATED_DAYS = env.int("LISTING_OUTDATED_DAYS", default=365)

# Requests to take part (participation/): deleted by `manage.py delete_expired_requests` this many days after
# they are closed, or after they arrived whatever their status; the form and the privacy statement say so.
PARTICIPATION_CLOSED_RETENTION_DAYS = env.int("PARTICIPATION_CLOSED_RETENTION_DAYS", default=90)
PARTICIPATION_RETENTION_DAYS = env.int("PARTICIPATION_RETENTION_DAYS", default=180)
# At most this many requests from one client (by its address, hashed in the cache) and for one programme.
PARTICIPATION_RATE_PER_CLIENT = env.str("PARTICIPATION_RATE_PER_CLIENT", default="5/h")
PARTICIPATION_RATE_PER_PROGRAMME = env.str("PARTICIPATION_RATE_PER_PROGRAMME", default="60/h")
# Requests to the open-data API (opendata/) one client may make; more get a 429.
OPENDATA_RATE_PER_CLIENT = env.str("OPENDATA_RATE_PER_CLIENT", default="120/m")
# How long browsers and CDNs may keep an API response (publishing does not purge the API's addresses).
OPENDATA_CACHE_SECONDS = env.int("OPENDATA_CACHE_SECONDS", default=300)
# Where the latest `manage.py export_hsds` data package is published (a URL; the "Open data" page links it).
OPENDATA_EXPORT_URL = env.str("OPENDATA_EXPORT_URL", default="")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # The Elasticsearch client logs every request at INFO and every retry with a traceback; the
        # search app logs the server's state once per change instead (search/availability.py).
        "elastic_transport": {"level": "ERROR"},
    },
}
