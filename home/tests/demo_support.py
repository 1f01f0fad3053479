"""The demo content, loaded once for a test module inside a transaction rolled back at the end."""

from contextlib import contextmanager

from django.core.management import call_command
from django.db import transaction


@contextmanager
def demo_content_loaded(django_db_blocker, **options):
    """Run `load_demo_content` with `options` in an outer transaction; roll everything back on exit.

    For module-scoped fixtures: each test still runs in its own savepoint, as with Django's setUpTestData.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_demo_content", **options)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
