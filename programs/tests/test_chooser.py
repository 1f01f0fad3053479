import pytest

from django.urls import reverse

from home.tests.factories import UserFactory
from programs.models import Municipality
from programs.tests.support import make_index, make_organisation, make_programme


@pytest.fixture
def admin_client(client, db):
    user = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_programme_edit_form_offers_the_municipality_chooser(admin_client, home_page):
    programme = make_programme(make_organisation(make_index(home_page)), "Taalbuddy")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[programme.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "id_municipality_links-FORMS" in html
    assert reverse("municipality_chooser:choose") in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("luik", "Luik"),
        ("LIEGE", "Luik"),
        ("9000", "Gent"),
        ("ettErbeek", "Etterbeek"),
        ("Ghent", "Gent"),
        ("Merelbeke", "Merelbeke-Melle"),
        ("Borgerhout", "Antwerpen"),
        ("Gnet", "Gent"),
        ("Schifflange", "Schifflange"),
    ],
)
def test_chooser_finds_municipalities_by_name_or_postcode(admin_client, query, expected):
    response = admin_client.get(reverse("municipality_chooser:choose_results"), {"q": query})
    assert response.status_code == 200
    municipality = Municipality.objects.get(name_nl=expected)
    assert reverse("municipality_chooser:chosen", args=[municipality.pk]) in response.content.decode()


@pytest.mark.django_db
def test_chooser_search_with_odd_input_does_not_fail(admin_client):
    for query in ["%", "'; drop", "x" * 500, "0"]:
        assert admin_client.get(reverse("municipality_chooser:choose_results"), {"q": query}).status_code == 200
