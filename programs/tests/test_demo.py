"""The demo programmes file: valid, and spread over every region, taxonomy and status (no pages are built)."""

import collections
import datetime

import pytest

from programs import taxonomy
from programs.demo import DEMO_FILE, ORGANISATIONS
from programs.importer import validate


@pytest.fixture
def rows(db):
    rows, errors = validate(DEMO_FILE)
    assert errors == []
    return rows


def used(rows, name):
    return {code for row in rows for code in row.terms[name]}


def test_demo_file_covers_every_taxonomy(rows):
    assert len(rows) >= 30
    assert used(rows, "regions") == set(taxonomy.REGIONS)
    assert used(rows, "themes") == set(taxonomy.THEMES)
    assert used(rows, "target_groups") == set(taxonomy.TARGET_GROUPS)
    assert used(rows, "modes") == set(taxonomy.MODES)


def test_demo_organisations_write_in_their_own_language_with_translations(rows):
    organisations = {row.organisation: row.source_locale for row in rows}
    assert len(organisations) >= 12
    assert set(organisations) == set(ORGANISATIONS)
    assert collections.Counter(organisations.values()).keys() == {"nl", "fr"}
    for row in rows:
        assert set(row.translations) == {"nl", "fr", "en"} - {row.source_locale}, row.external_id
        assert all(given["name"] and given["summary"] and given["description"] for given in row.translations.values())
    brussels = {row.organisation: row.source_locale for row in rows if "BE-BRU" in row.terms["regions"]}
    assert {"nl", "fr"} <= set(brussels.values())


def test_demo_statuses_include_paused_ended_waitlist_and_outdated(rows):
    paused = [row for row in rows if row.fields["status"] == "paused"]
    assert len(paused) >= 2 and all("pandemie" in row.fields["notice"].replace("é", "e") for row in paused)
    assert any(row.fields["status"] == "ended" for row in rows)
    assert any("waitlist" in (row.fields["accepting_volunteers"], row.fields["accepting_newcomers"]) for row in rows)
    year_ago = datetime.date.today() - datetime.timedelta(days=365)
    assert sum(1 for row in rows if row.fields["last_verified"] < year_ago) >= 3
