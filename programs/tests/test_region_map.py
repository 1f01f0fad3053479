"""The overview's map draws each region from one static file of outlines that browsers cache."""

import pytest

from programs.region_map import SPRITE_FILE, region_map, sprite
from programs.tests.support import make_index, make_organisation, make_programme


def test_the_static_outlines_are_those_of_the_map_data():
    # Regenerated together by `python -m programs.region_map`; a hand edit of one would split them.
    assert SPRITE_FILE.read_text(encoding="utf-8") == sprite(region_map())


@pytest.mark.django_db
def test_the_overview_refers_to_the_outlines_instead_of_repeating_them(client, home_page):
    index = make_index(home_page)
    make_programme(make_organisation(index, "Buddywerk"), "Taalbuddy", regions=["BE-VAN"])
    html = client.get(index.url).content.decode()
    assert html.count('<use href="/static/programs/region-map.svg#') == len(region_map()["paths"])
    assert '<use href="/static/programs/region-map.svg#BE-VAN"/>' in html
    assert " d=" not in html  # no path data in the page
