"""Production: secrets from the environment, HTTPS everywhere, long-lived static files."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Browsers send these cookies over HTTPS only: signing in to the admin needs TLS.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Trying these settings on http://127.0.0.1 without TLS: cookies without Secure, no redirect to
# https:// and no HSTS (which a browser would remember for the host). Never on a public address.
if env.bool("INSECURE_PLAIN_HTTP", default=False):
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = False
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False

LOGGING["root"]["level"] = env.str("LOG_LEVEL", default="INFO")  # noqa: F405
