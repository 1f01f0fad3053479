"""The widget embedded in a page of another origin (127.0.0.1 on another port): it renders, passes axe, and its
links open the programme page in the top window."""

import functools
import http.server
import threading

import pytest

from django.core.cache import cache

from programs.tests.support import make_index, make_organisation, make_programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def programmes(transactional_db, home_page):
    cache.clear()
    ghent = make_organisation(make_index(home_page), "Buddywerk Gent")
    programme = make_programme(ghent, "Taalbuddy Gent", regions=["BE-VOV"])
    yield programme
    cache.clear()


@pytest.fixture
def other_origin(tmp_path, live_server):
    """A municipality's page on another origin that embeds the widget with the snippet from the open-data page."""
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente Gent</title></head><body>'
        "<main><h1>Gemeente Gent</h1>"
        f'<iframe src="{live_server.url}/nl/widget/?place=Gent" title="Buddyprogramma\'s" width="100%" height="600">'
        "</iframe></main></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_widget_renders_inside_another_sites_page_and_links_back(page, programmes, other_origin, axe):
    page.goto(other_origin)
    frame = page.frame_locator("iframe")
    link = frame.get_by_role("link", name="Taalbuddy Gent")
    link.wait_for()
    assert frame.get_by_role("heading", level=1).inner_text() == "Buddyprogramma's in de buurt van Gent"
    widget = next(f for f in page.frames if "/widget/" in f.url)
    assert widget.evaluate("document.cookie") == ""
    axe(page)
    link.click()
    page.wait_for_url("**/nl/buddyprogrammas/buddywerk-gent/taalbuddy-gent/")  # the top window, on this site
    assert page.get_by_role("heading", level=1).inner_text() == "Taalbuddy Gent"


def test_other_pages_refuse_to_be_framed(page, programmes, other_origin, live_server):
    page.goto(other_origin)
    page.frame_locator("iframe").get_by_role("link", name="Taalbuddy Gent").wait_for()
    # Point the frame at a programme page instead: the browser blocks it (frame-ancestors 'none').
    page.evaluate(f"document.querySelector('iframe').src = '{live_server.url}{programmes.url}'")
    page.wait_for_timeout(1500)
    framed = next((f for f in page.frames if f != page.main_frame), None)
    # Chromium replaces a refused frame with its own error page.
    assert framed is None or framed.url.startswith("chrome-error:")
