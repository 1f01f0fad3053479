"""Helpers for tests that drive Wagtail's admin like a browser: read a form, change it, post it back."""

from contextlib import contextmanager

from bs4 import BeautifulSoup

from django.db import transaction
from django.urls import reverse

from wagtail.models import Page, Site


def form_data(html, form_id="page-edit-form"):
    """The values a browser would submit from the form (submit buttons and files excluded)."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    assert form is not None, f"no form #{form_id} in the page"
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "input":
            kind = element.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio"):
                if element.has_attr("checked"):
                    data.setdefault(name, []).append(element.get("value", "on"))
                continue
            data.setdefault(name, []).append(element.get("value", ""))
        elif element.name == "textarea":
            data.setdefault(name, []).append(element.text.removeprefix("\n"))
        else:
            options = element.find_all("option")
            chosen = [o for o in options if o.has_attr("selected")]
            if not chosen and options and not element.has_attr("multiple"):
                chosen = options[:1]
            for option in chosen:
                data.setdefault(name, []).append(option.get("value", option.text))
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


def edit_form(client, page):
    """GET the page's edit view and return the data its form would post."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response
    return form_data(response.content.decode())


def submit_for_moderation(client, page, **changes):
    data = edit_form(client, page)
    data.update(changes)
    data["action-submit"] = "action-submit"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@contextmanager
def rolled_back(django_db_blocker):
    """For module-scoped test data: built once, inside a transaction undone when the module is done.

    Each test still runs in its own savepoint (pytest-django's `db`), so tests cannot see each other's changes.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def client_for(world, role):
    """A client signed in (second factor completed where due) as the user a module's world made for `role`.

    `world["users"][role]` is the user's primary key.
    """
    from django.contrib.auth import get_user_model

    from home.tests.two_factor_support import Client

    client = Client()
    client.force_login(get_user_model().objects.get(pk=world["users"][role]))
    return client


def make_home():
    """The nl home page as the default site's root (published), like the `home_page` fixture, outside a test."""
    from home.models import HomePage
    from home.tests.factories import ensure_locales

    locales = ensure_locales()
    Page.objects.filter(depth=2).delete()
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Buddies", slug="home", hero_heading="Samen", hero_text="Word buddy.", locale=locales["nl"]
        )
    )
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    for code in ("fr", "en"):
        home.copy_for_translation(locales[code], alias=True)
    return home
