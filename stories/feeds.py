"""An Atom feed of the newest stories of one locale, served by the story index (…/verhalen/feed/).

Every link is absolute on the site's configured address (home/links.py): Django's feed
would otherwise complete a path with the request's Host header.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from home.links import absolute_url
from stories.models import FEED_LENGTH


class StoryFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Stories of duos") + " | " + _("Buddies With Refugees")

    def subtitle(self):
        return self.index.introduction or _("Volunteers and newcomers who met as buddies tell their story.")

    def link(self):
        return absolute_url(self.index.get_url(self.request), self.request)

    def feed_url(self):
        return absolute_url(self.index.feed_url(self.request), self.request)

    def author_name(self):
        return settings.WAGTAIL_SITE_NAME

    def feed_guid(self):
        return self.feed_url()

    def items(self):
        return self.index.stories().select_related("portrait")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.pull_quote} — {item.duo_names}"

    def item_link(self, item):
        return absolute_url(item.get_url(self.request), self.request)

    def item_guid(self, item):
        return self.item_link(item)

    item_guid_is_permalink = True

    def _moment(self, day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))

    def item_pubdate(self, item):
        return self._moment(item.date)

    def item_updateddate(self, item):
        return item.last_published_at or self._moment(item.date)

    def item_author_name(self, item):
        return item.duo_names
