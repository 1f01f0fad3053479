"""Settings for the test-suite: fast hashing, in-memory e-mail, no throttling."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / ".test-media"))  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
AXES_ENABLED = env.bool("AXES_ENABLED", default=False)
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
# No page cache: tests change pages without publishing and expect the next request to show it; the page
# cache's own tests (home/tests/test_page_cache.py) switch it on.
PAGE_CACHE_SECONDS = 0
# Requests to take part: the rate limits' own tests (participation/tests/) set them low; other tests send freely.
PARTICIPATION_RATE_PER_CLIENT = "10000/h"
PARTICIPATION_RATE_PER_PROGRAMME = "10000/h"
OPENDATA_RATE_PER_CLIENT = "10000/m"
