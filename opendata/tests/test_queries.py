"""The open-data API runs as many queries for a page of 50 (here: of 5) and for one record however many
programmes there are (bench/opendata_bench.py measures 100 and 10,000)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata import hsds
from programs.models import Municipality, ProgramLocation, ProgramMunicipality
from programs.tests.support import make_index, make_organisation, make_programme

PER_PAGE = 5


def add_programmes(organisation, count, start):
    programmes = []
    for number in range(start, start + count):
        programme = make_programme(
            organisation,
            f"Taalbuddy {number}",
            regions=["BE-VOV", "BE-VAN"],
            themes=["language", "work"],
            target_groups=["adults"],
            languages=["nl", "ar"],
            modes=["in-person"],
            contact_name="Sara",
            contact_phone="+32 3 123 45 67",
            external_id=f"q-{number}",
        )
        programme.locations.add(ProgramLocation(name="Buurthuis", postcode="9000", city="Gent"))
        for code in ("44021", "11002"):
            programme.municipality_links.add(ProgramMunicipality(municipality=Municipality.objects.get(nis_code=code)))
        programme.save_revision().publish()
        programmes.append(programme)
    return programmes


def counts(client, programme, organisation):
    urls = {
        "services": f"/api/hsds/nl/services?per_page={PER_PAGE}",
        "services filtered": f"/api/hsds/fr/services?per_page={PER_PAGE}&theme=language&region=BE-VAN",
        "service": f"/api/hsds/nl/services/{hsds.service_id(programme)}",
        "organizations": f"/api/hsds/nl/organizations?per_page={PER_PAGE}",
        "organization": f"/api/hsds/nl/organizations/{hsds.organization_id(organisation)}",
        "service_at_locations": f"/api/hsds/nl/service_at_locations?per_page={PER_PAGE}",
    }
    found = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200  # warm-up
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.content[:200])
        found[name] = len(queries)
    return found


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_programmes(client, home_page):
    index = make_index(home_page)
    organisation = make_organisation(index, "Buddywerk Gent", city="Gent", postcode="9000", phone="+32 9 000 00 00")
    first = add_programmes(organisation, PER_PAGE + 1, 0)[0]
    before = counts(client, first, organisation)

    add_programmes(organisation, PER_PAGE * 2, 100)
    add_programmes(make_organisation(index, "Buddywerk Brussel"), PER_PAGE, 200)
    make_organisation(index, "Buddywerk Leuven")
    after = counts(client, first, organisation)

    assert after == before
    assert all(count <= 25 for count in before.values()), before  # a full record: 22
