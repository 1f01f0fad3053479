"""Whether the search server answers, logged once each time that changes, never once per request.

During an outage every search and every page save meets the unreachable
server. Logged one by one, with the HTTP client's retry tracebacks, they
flooded the log and hid everything else. Here the state is kept in the cache:
the first failure logs one warning and sends searches to the database for
SEARCH_SERVER_RETRY_AFTER seconds at a time; the first answer after it logs
one line saying the server is back. With a shared cache (Redis, memcached)
that is one line per change for all app servers; with the local-memory cache,
one per process. The client's own per-request lines and retry warnings are
silenced in the LOGGING setting (`elastic_transport`).

Index changes made while the server is down wait in a queue (the database
index has them already) until `manage.py send_pending_index_changes` sends
them (search/index_queue.py).
"""

import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

# Set for SEARCH_SERVER_RETRY_AFTER seconds after a failure: searches skip the server meanwhile.
RETRY_LATER_KEY = "search:server-down"
# Set from the first failure until the server answers again: what the log has said last.
UNREACHABLE_KEY = "search:server-unreachable"


def server_failed(error):
    """Note that the server did not answer; log it if it was answering until now."""
    cache.set(RETRY_LATER_KEY, True, settings.SEARCH_SERVER_RETRY_AFTER)
    if cache.add(UNREACHABLE_KEY, True, timeout=None):
        logger.warning(
            "The search server did not answer (%s: %s); searches use the database, and index changes wait in a "
            "queue for manage.py send_pending_index_changes, until it answers again.",
            type(error).__name__,
            str(error)[:200],
        )


def server_answered():
    """Note that the server answered; log it if it had stopped answering."""
    if cache.get(UNREACHABLE_KEY) and cache.delete(UNREACHABLE_KEY):
        logger.warning("The search server answers again; searches use it from now on.")


def retry_later():
    """True for a while after a failure: searches go straight to the database instead of waiting."""
    return bool(cache.get(RETRY_LATER_KEY))
