"""An empty rich text field posted as an empty paragraph is no change (home/page_forms.py)."""

import pytest

from programs.models import ProgramPage
from programs.tests.support import make_index, make_organisation, make_programme

pytestmark = pytest.mark.django_db


def test_an_empty_paragraph_in_an_empty_rich_text_field_is_no_change(home_page):
    programme = make_programme(make_organisation(make_index(home_page), "Buddywerk Gent"), "Taalbuddy")
    assert programme.description == ""
    form = ProgramPage.get_edit_handler().get_form_class()(instance=programme)
    field = form.fields["description"]
    assert not field.has_changed("", '<p data-block-key="a1b2c"></p>')
    assert field.clean('<p data-block-key="a1b2c"></p>') == ""
    assert field.has_changed("", '<p data-block-key="a1b2c">Tekst</p>')
    assert field.clean('<p data-block-key="a1b2c">Tekst</p>') == '<p data-block-key="a1b2c">Tekst</p>'
