"""The site's chrome (menu, footer) is kept between requests and renewed by any committed change (home/chrome.py).

Transactional: what is tested is what other requests see after a commit, and what a request sees while its
own connection's transaction holds an uncommitted change.
"""

import pytest

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Site

from home.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def add_menu_page(home, title):
    page = home.add_child(instance=StandardPage(title=title, slug=slugify(title), show_in_menus=True, live=False))
    page.save_revision().publish()
    return page


@transaction.atomic  # one Atomic object for every call, as any decorated function has
def add_menu_page_in_a_transaction(home, title):
    return add_menu_page(home, title)


def menu(client):
    html = client.get("/nl/").content.decode()
    return html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_a_published_menu_page_shows_on_the_next_request(client, home_page):
    assert "Over ons" not in menu(client)  # the chrome is now kept
    add_menu_page(home_page, "Over ons")
    assert "Over ons" in menu(client)


def test_every_transaction_renews_the_chrome_even_through_the_same_atomic_block(client, home_page):
    add_menu_page_in_a_transaction(home_page, "Over ons")
    assert "Over ons" in menu(client)
    add_menu_page_in_a_transaction(home_page, "Word buddy")
    assert "Word buddy" in menu(client)


def test_an_uncommitted_change_shows_only_to_its_own_transaction_and_is_not_kept(client, home_page):
    assert "Over ons" not in menu(client)
    with pytest.raises(RuntimeError), transaction.atomic():
        add_menu_page(home_page, "Over ons")
        assert "Over ons" in menu(client)  # the same connection sees its own change
        raise RuntimeError("roll back")
    assert "Over ons" not in menu(client)  # nothing of it was kept


def test_changed_site_settings_show_in_the_footer(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert "hallo@buddies.example" not in client.get("/nl/").content.decode()
    settings.contact_email = "hallo@buddies.example"
    settings.save()
    assert "hallo@buddies.example" in client.get("/nl/").content.decode()
