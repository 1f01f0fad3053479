"""A programme whose own name, summary or description holds the words ranks above label-only matches."""

import pytest

from django.http import QueryDict
from django.utils import translation

from wagtail.models import Locale

from programs.filters import filter_programmes
from programs.tests.support import make_index, make_organisation, make_programme
from search.tests.support import refresh

pytest_plugins = ["search.tests.support"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic(search_backend, home_page):
    organisation = make_organisation(make_index(home_page), "Duos ensemble", locale="fr")
    # Programmes where Arabic is only a language spoken (the label "arabe" in French), with titles that
    # sort before the one about Arabic speakers, and more of them than a page holds.
    for n in range(14):
        make_programme(
            organisation,
            f"Accueil {n:02d}",
            summary="Des rencontres chaque semaine entre bénévoles et nouveaux venus.",
            languages=["ar", "fr"],
            regions=["BE-BRU"],
        )
    make_programme(
        organisation,
        "Tandem",
        summary="Un duo pour les personnes qui parlent arabe et veulent pratiquer le français.",
        languages=["fr"],
        regions=["BE-BRU"],
    )
    refresh()


def test_a_programme_about_the_word_ranks_above_those_matching_only_through_a_label(arabic):
    with translation.override("fr"):
        result = filter_programmes(QueryDict("q=arabe"), locale=Locale.objects.get(language_code="fr"))
    assert result.total == 15  # the label matches still count
    assert result.page.object_list[0].title == "Tandem"
