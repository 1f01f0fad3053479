"""Index changes reach the search server after the database commits them, or wait in a queue until it answers.

Wagtail's signal handlers send each save to the search server at once, inside
the transaction. An import that failed and rolled back left its programmes
in the server's index (the finder counted them, with no cards), and a save
made while the server was down never reached it. So the server backend
(search/backends/server.py) hands its changes to `send()` here:

- inside a transaction, the change waits for the commit (`on_commit`) and is
  dropped with a rollback; outside one it is sent at once;
- when the server does not answer, or searches are already going to the
  database after a failure (search/availability.py), the change is stored as
  a `PendingIndexChange` row instead: one per object, the latest kind wins;
- `manage.py send_pending_index_changes` (scheduled every few minutes, see
  docs/production.md) sends the queue, reading each object as it is then, and
  the admin dashboard shows the backlog to administrators.

The database backend needs none of this: its index rolls back with the data.
"""

import logging

from django.apps import apps
from django.db import transaction

from search import availability
from search.models import PendingIndexChange

logger = logging.getLogger(__name__)


def label(obj):
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def send(backend, action, obj, change):
    """Send `change(obj)` ("add" or "delete") to the server once the data is committed, or queue it."""
    if not backend.index_after_commit:
        _send_or_queue(backend, action, obj, change)
        return
    # robust: an error in the index never undoes or fails a save already committed (it is logged).
    transaction.on_commit(lambda: _send_or_queue(backend, action, obj, change), robust=True)


def _send_or_queue(backend, action, obj, change):
    if availability.retry_later():
        queue(action, obj)
        return
    try:
        change(obj)
    except backend.unavailable_errors as error:
        if not backend.is_outage(error):
            raise
        availability.server_failed(error)
        queue(action, obj)
    else:
        availability.server_answered()


def queue(action, obj):
    PendingIndexChange.objects.update_or_create(
        model=label(obj), object_pk=str(obj.pk), defaults={"action": action, "attempts": 0}
    )


def backlog():
    return PendingIndexChange.objects.count()


def replay(backend, limit=None):
    """Send the queued changes to `backend`, oldest first; returns (sent, left).

    Stops at the first outage (the rest stay queued for the next run). A change the server refuses for
    another reason is logged and kept, with its attempts counted.
    """
    sent = 0
    pending = PendingIndexChange.objects.all()
    if limit:
        pending = pending[:limit]
    for row in list(pending):
        try:
            model = apps.get_model(row.model)
        except (LookupError, ValueError):
            row.delete()  # the model is gone: nothing left to index or delete
            continue
        instance = model.get_indexed_objects().filter(pk=row.object_pk).first()
        try:
            if instance is not None and row.action == PendingIndexChange.ADD:
                backend.send_now(PendingIndexChange.ADD, instance.get_indexed_instance())
            else:  # deleted since, or a deletion: delete by primary key
                backend.send_now(PendingIndexChange.DELETE, model(pk=model._meta.pk.to_python(row.object_pk)))
        except backend.unavailable_errors as error:
            if backend.is_outage(error):
                availability.server_failed(error)
                break
            logger.warning("The search server refused %s: %s", row, str(error)[:200])
            PendingIndexChange.objects.filter(pk=row.pk).update(attempts=row.attempts + 1)
            continue
        # Only if no newer change came in meanwhile (that one is sent next time).
        PendingIndexChange.objects.filter(pk=row.pk, queued_at=row.queued_at).delete()
        sent += 1
    else:
        availability.server_answered()
    return sent, backlog()
