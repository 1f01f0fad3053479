"""Finding a page by its published id with one indexed query (the table: opendata/models.py).

An id is `hsds.make_id(kind, key)`, a uuid5 that cannot be turned back into its key; `PublishedId` keeps the
keys of the ids handed out. `find_key` looks an id up; on a miss it first registers the keys of pages saved
without signals (`register_missing`: one anti-join query, normally finding none) and looks again.
"""

import uuid

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Cast, Concat

from opendata.hsds import make_id, service_key
from opendata.models import PublishedId
from programs.models import OrganisationPage, ProgramPage

PROGRAMME, ORGANISATION = PublishedId.PROGRAMME, PublishedId.ORGANISATION


def programme_key():
    """`hsds.service_key` as an SQL expression."""
    return Case(
        When(
            Q(external_id="") | Q(external_id__isnull=True),
            then=Concat(Value("key:"), Cast("translation_key", CharField())),
        ),
        default=Concat(Value("external:"), F("external_id")),
        output_field=CharField(),
    )


def _keyed(kind):
    if kind == PROGRAMME:
        return ProgramPage.objects.annotate(opendata_key=programme_key())
    return OrganisationPage.objects.annotate(opendata_key=Cast("translation_key", CharField()))


def register(kind, keys):
    rows = [PublishedId(id=make_id(kind, key), kind=kind, key=key) for key in set(keys)]
    PublishedId.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return len(rows)


def register_missing(kind):
    """Register the keys of the pages of `kind` that have none yet; returns how many."""
    known = PublishedId.objects.filter(kind=kind).values("key")
    missing = _keyed(kind).exclude(opendata_key__in=known).values_list("opendata_key", flat=True).distinct()
    return register(kind, missing.iterator(chunk_size=2000))


def find_key(kind, id):
    """The key published id `id` was made from, or None."""
    try:
        wanted = uuid.UUID(id)
    except ValueError:
        return None

    def lookup():
        return PublishedId.objects.filter(pk=wanted, kind=kind).values_list("key", flat=True).first()

    key = lookup()
    if key is None and register_missing(kind):
        key = lookup()
    return key


def with_key(queryset, kind, key):
    """The pages of `queryset` (programmes or organisations) whose id was made from `key`."""
    if kind == ORGANISATION:
        return queryset.filter(translation_key=key)
    if key.startswith("external:"):
        return queryset.filter(external_id=key.removeprefix("external:"))
    return queryset.filter(Q(external_id="") | Q(external_id__isnull=True), translation_key=key.removeprefix("key:"))


def page_saved(sender, instance, raw=False, **kwargs):
    """post_save of ProgramPage and OrganisationPage: register the page's id."""
    if raw:
        return
    if isinstance(instance, ProgramPage):
        register(PROGRAMME, [service_key(instance)])
    else:
        register(ORGANISATION, [str(instance.translation_key)])
