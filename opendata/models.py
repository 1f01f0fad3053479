"""The published ids, so that `services/{id}` and `organizations/{id}` find a page by an index, not by hashing
every page's key (opendata/hsds.py: an id is the uuid5 of a key, which cannot be inverted).

A row maps an id to the key it was made from: `external:<external id>` or `key:<translation key>` for a
programme, the translation key for an organisation. Rows are written when a page is saved (opendata/apps.py)
and, for pages saved without signals (bulk inserts, pages older than this table), by `register_missing`
when an id is not found: the table is a cache of a pure function, never the source of an id.
"""

from django.db import models


class PublishedId(models.Model):
    PROGRAMME = "service"
    ORGANISATION = "organization"

    id = models.UUIDField(primary_key=True)
    kind = models.CharField(max_length=20, choices=[(PROGRAMME, PROGRAMME), (ORGANISATION, ORGANISATION)])
    key = models.CharField(max_length=150)

    def __str__(self):
        return f"{self.kind} {self.id}"
