"""Keep search documents current: publish, unpublish, move, alias updates, translations and deletion.

Deleting a page deletes its documents through the foreign key; Wagtail's own
signal handlers then remove them from every search backend.
"""

from django.db.models.signals import post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.documents import remove_page, sync_subtree, sync_with_dependants


def on_published(sender, instance, **kwargs):
    sync_with_dependants(instance)


def on_unpublished(sender, instance, **kwargs):
    remove_page(instance)


def on_moved(sender, instance, **kwargs):
    sync_subtree(instance)


def on_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """Pages saved whole while live (created live, aliases, imports) never pass through page_published."""
    if raw or update_fields is not None or not isinstance(instance, Page):
        return
    if instance.live:
        sync_with_dependants(instance)
    elif not created:
        remove_page(instance)


def connect():
    page_published.connect(on_published, dispatch_uid="search_documents_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_documents_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search_documents_moved")
    post_save.connect(on_saved, dispatch_uid="search_documents_saved")
