"""Which cached pages a publication changes, purged once it is committed.

Publishing, unpublishing, moving, renaming or deleting a page changes more
than its own address. This module names, at the moment of the change (a
deleted page still has its URL then), every page that shows it:

- the page and its ancestors: the organisation page lists its programmes,
  the overview counts and filters them, the story index lists stories, and
  the home page (every locale tree's top) shows the figures, featured stories
  and FAQ teasers;
- all of those in every language: a translation's "only available in" and
  "behind its source" notes depend on the source;
- what a page type declares through `pages_showing_this()` (a story's
  programme shows it; a programme shows its organisation's name);
- each page's `get_cached_paths()` (the story index's Atom feed), and the
  sitemap of each site.

A page in the menu (`show_in_menus`) shows on every page: its change drops
the whole page cache (a CDN keeps other pages until their `s-maxage` runs
out, as it has no "purge everything" through Wagtail's backends).

The URLs go to `wagtail.contrib.frontend_cache` (settings: WAGTAILFRONTENDCACHE,
the local page cache and any CDN) after the transaction commits: purged
earlier, a visitor's request could cache the old page again before the new
one is visible. That is why the app's own signal handlers, which purge the
page alone and inside the transaction, are not installed.
"""

from django.db import transaction
from django.db.models.signals import pre_delete

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home import page_cache


def pages_showing(page):
    """The page and every page that shows it, in every language."""
    shown = [page, *page.get_ancestors().filter(depth__gt=1)]
    declared = getattr(page.specific_deferred, "pages_showing_this", None)
    if declared:
        shown += list(declared())
    everything = {}
    for each in shown:
        for translation in each.get_translations(inclusive=True):
            everything[translation.pk] = translation
    return everything.values()


def urls_showing(page):
    batch = PurgeBatch()
    batch.add_pages(pages_showing(page))
    for site in Site.objects.all():
        batch.add_url(site.root_url + "/sitemap.xml")
    return batch.urls


def purge_after_commit(urls, everything=False):
    urls = set(urls)

    def purge():
        if everything:
            page_cache.purge_everything()
        PurgeBatch(urls).purge()

    transaction.on_commit(purge)


def shows_on_every_page(page):
    return page.show_in_menus


def purge_page(instance, **kwargs):
    purge_after_commit(urls_showing(instance), everything=shows_on_every_page(instance))


def purge_page_before_delete(instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_page(instance)


def purge_moved_page(instance, url_path_before, url_path_after, **kwargs):
    """The page and its subtree at both addresses, and what showed it at its old place and shows it at the new."""
    if url_path_before == url_path_after:
        return
    urls = set(urls_showing(instance))
    for page in instance.get_descendants(inclusive=True):
        urls.add(page.get_full_url())
        page.url_path = url_path_before + page.url_path.removeprefix(url_path_after)
        urls.add(page.get_full_url())
    urls |= urls_showing_parent(kwargs.get("parent_page_before"))
    purge_after_commit({url for url in urls if url}, everything=shows_on_every_page(instance))


def urls_showing_parent(parent):
    return set(urls_showing(parent)) if parent is not None and parent.depth > 1 else set()


def purge_renamed_page(instance, instance_before, **kwargs):
    purge_moved_page(instance, instance_before.url_path, instance.url_path)


def connect():
    page_published.connect(purge_page, dispatch_uid="cache_purge_published")
    page_unpublished.connect(purge_page, dispatch_uid="cache_purge_unpublished")
    pre_delete.connect(purge_page_before_delete, dispatch_uid="cache_purge_deleted")
    post_page_move.connect(purge_moved_page, dispatch_uid="cache_purge_moved")
    page_slug_changed.connect(purge_renamed_page, dispatch_uid="cache_purge_renamed")
