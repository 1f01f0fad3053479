"""Take part: the request form on a programme, its refusals, and the e-mails it sends (participation/)."""

import logging
import re

import pytest

from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.views.debug import SafeExceptionReporterFilter

from modelsearch.index import Indexed

from home.tests.admin_support import make_home, rolled_back
from participation.models import RECEIVED, ParticipationRequest, RequestFigure
from participation.tests.support import build_federation, fresh, valid_data
from programs.tests.support import in_locale

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module and rolled back at its end; each test runs in its own savepoint."""
    with rolled_back(django_db_blocker):
        yield build_federation(make_home())


@pytest.fixture
def fed(world, db):
    return fresh(world)


def form_url(programme, language="nl", role=None):
    with translation.override(language):
        url = reverse("participation_request", args=[programme.pk])
    return url + (f"?role={role}" if role else "")


def post(client, programme, language="nl", **data):
    return client.post(form_url(programme, language), valid_data(**data), HTTP_ACCEPT_LANGUAGE=language)


# The programme page offers the way the organisation chose ----------------------------------------------


def test_programme_page_links_to_the_form_only_for_the_roles_the_organisation_chose(client, fed):
    html = client.get(fed["both"].url).content.decode()
    assert form_url(fed["both"], role="volunteer") in html
    assert form_url(fed["both"], role="newcomer") in html

    html = client.get(fed["volunteers_only"].url).content.decode()
    assert form_url(fed["volunteers_only"], role="volunteer") in html
    assert "role=newcomer" not in html

    html = client.get(fed["link_only"].url).content.decode()
    assert "take-part" not in html and "meedoen" not in html
    assert "https://a.example/aanmelden" in html


def test_a_paused_programme_shows_no_form_and_refuses_a_request_sent_directly(client, fed):
    paused = fed["paused"]
    assert "meedoen" not in client.get(paused.url).content.decode()

    response = post(client, paused)
    assert response.status_code == 409
    assert "gepauzeerd" in response.content.decode()
    assert not ParticipationRequest.objects.exists()


def test_the_form_says_who_receives_the_request_and_for_how_long_it_is_kept(client, fed):
    response = client.get(form_url(fed["both"], role="newcomer"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Organisatie A" in html and "Samen op stap" in html
    assert "180 dagen" in html
    assert f'href="{fed["privacy"].url}"' in html
    assert re.search(r'value="newcomer"[^>]*checked', html)
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert 'name="robots" content="noindex' in html


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_form_page_is_translated(client, fed, language):
    programme = in_locale(fed["both"], language)
    response = client.get(form_url(programme, language))
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="ltr">' in response.content.decode()
    heading = {"nl": "Vraag om mee te doen", "fr": "Demander à participer", "en": "Ask to take part"}[language]
    assert heading in response.content.decode()


def test_another_languages_version_redirects_to_the_programme_in_the_language_of_the_address(client, fed):
    response = client.get(form_url(fed["both"], "fr", role="newcomer"))
    assert response.status_code == 302
    assert response.url == form_url(fed["both_fr"], "fr", role="newcomer")


def test_an_unpublished_or_unknown_programme_is_not_found(client, fed):
    fed["both"].unpublish()
    assert client.get(form_url(fed["both"])).status_code == 404
    assert client.get(reverse("participation_request", args=[999999])).status_code == 404


# Sending ------------------------------------------------------------------------------------------


def test_a_request_is_stored_counted_and_confirmed(client, fed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, fed["both"], phone="+32 470 12 34 56")
    assert response.status_code == 302
    assert response.url == reverse("participation_request_sent", args=[fed["both"].pk])
    stored = ParticipationRequest.objects.get()
    assert (stored.first_name, stored.email, stored.phone, stored.municipality) == (
        "Amal",
        "amal@example.org",
        "+32 470 12 34 56",
        "Gent",
    )
    assert stored.languages == "ar,fr"
    assert stored.organisation_key == fed["org_a"].translation_key
    assert stored.role == "volunteer" and stored.status == "new" and stored.language == "nl"
    assert RequestFigure.objects.get(event=RECEIVED).count == 1
    assert "Organisatie A" in client.get(response.url).content.decode()


def test_the_editors_notice_holds_no_personal_data_and_the_visitor_is_confirmed_in_their_language(
    client, fed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            fed["both_fr"],
            "fr",
            phone="0470 12 34 56",
            message="Je suis libre le mercredi.",
            role="newcomer",
            place="Gand",
        )
    assert response.status_code == 302
    stored = ParticipationRequest.objects.get()
    assert stored.municipality == "Gent"  # the municipality's own name, as the organisation knows it
    to_editor = [m for m in mail.outbox if m.to == [fed["editor_a"].email]]
    to_visitor = [m for m in mail.outbox if m.to == ["amal@example.org"]]
    assert len(to_editor) == 1 and len(to_visitor) == 1
    assert not [m for m in mail.outbox if m.to == [fed["editor_b"].email]]

    notice = to_editor[0]
    text = notice.subject + notice.body
    for personal in ("Amal", "amal@example.org", "0470", "mercredi", "Gent", "Gand"):
        assert personal not in text
    assert f"http://testserver/admin/requests/edit/{stored.pk}/" in notice.body
    assert "Samen op stap" in notice.subject

    confirmation = to_visitor[0]
    assert "Organisatie A" in confirmation.body
    assert "Bonjour Amal" in confirmation.body  # French: the language the visitor used
    assert "par e-mail ou par téléphone" in confirmation.body
    assert "180 jours" in confirmation.body


def test_without_an_e_mail_address_no_confirmation_is_sent(client, fed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, fed["both"], email="", phone="0470 12 34 56")
    assert ParticipationRequest.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[fed["editor_a"].email]]


def test_a_failing_mail_server_loses_no_request_and_logs_no_personal_data(
    client, fed, django_capture_on_commit_callbacks, caplog, monkeypatch
):
    def refuse(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("participation.delivery.send_mail", refuse)
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        response = post(client, fed["both"], phone="0470 12 34 56")
    assert response.status_code == 302
    stored = ParticipationRequest.objects.get()
    assert f"request {stored.pk}" in caplog.text
    for personal in ("Amal", "amal@example.org", "0470", "woensdag"):
        assert personal not in caplog.text


# Validation, in three languages -------------------------------------------------------------------

MESSAGES = {
    "no_contact": {
        "nl": "Geef een e-mailadres of een telefoonnummer",
        "fr": "Indiquez une adresse e-mail ou un numéro de téléphone",
        "en": "Give an e-mail address or a phone number",
    },
    "consent": {
        "nl": "Vink dit vakje aan",
        "fr": "Cochez cette case",
        "en": "Tick this box",
    },
    "unknown_place": {
        "nl": "We kennen de plaats",
        "fr": "Nous ne connaissons pas le lieu",
        "en": "We do not know the place",
    },
}


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_invalid_input_is_refused_with_messages_in_the_visitors_language(client, fed, language):
    programme = in_locale(fed["both"], language)
    response = post(client, programme, language, email="", phone="", consent=None, place="zzzz")
    html = response.content.decode()
    assert response.status_code == 400
    for key in ("no_contact", "consent", "unknown_place"):
        assert MESSAGES[key][language] in html, key
    assert 'aria-invalid="true"' in html
    assert 'value="Amal"' in html  # what was typed is kept
    assert not ParticipationRequest.objects.exists()


def test_an_unclear_place_lists_the_places_it_could_be(client, fed):
    response = post(client, fed["both"], place="9050")
    assert response.status_code == 400
    assert "Gent" in response.content.decode() and "Ettelbruck" in response.content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"email": "not-an-address"},
        {"email": "", "phone": "call me maybe"},
        {"first_name": ""},
        {"first_name": "A" * 61},
        {"message": "x" * 1001},
        {"languages": ["xx-not-a-language"]},
        {"role": "organiser"},
    ],
)
def test_each_field_is_checked(client, fed, changes):
    assert post(client, fed["both"], **changes).status_code == 400
    assert not ParticipationRequest.objects.exists()


def test_a_role_the_programme_does_not_take_requests_for_is_refused(client, fed):
    response = post(client, fed["volunteers_only"], role="newcomer")
    assert response.status_code == 400
    assert "neemt nu geen aanvragen" in response.content.decode()
    assert not ParticipationRequest.objects.exists()


# Abuse ----------------------------------------------------------------------------------------------


def test_the_honeypot_field_refuses_the_request(client, fed):
    response = post(client, fed["both"], website="http://spam.example")
    assert response.status_code == 400
    assert "Laat dit veld leeg" in response.content.decode()
    assert not ParticipationRequest.objects.exists()


def test_an_oversized_request_is_refused_with_a_clear_message(client, fed):
    response = client.post(form_url(fed["both"]), valid_data(message="x" * 20000))
    assert response.status_code == 413
    assert "te lang" in response.content.decode()
    assert not ParticipationRequest.objects.exists()


@override_settings(PARTICIPATION_RATE_PER_CLIENT="2/h", PARTICIPATION_RATE_PER_PROGRAMME="1000/h")
def test_one_client_is_limited(client, fed):
    cache.clear()
    assert post(client, fed["both"]).status_code == 302
    assert post(client, fed["volunteers_only"]).status_code == 302
    response = post(client, fed["both"])
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert ParticipationRequest.objects.count() == 2
    other = client.post(form_url(fed["both"]), valid_data(), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


@override_settings(PARTICIPATION_RATE_PER_CLIENT="1000/h", PARTICIPATION_RATE_PER_PROGRAMME="2/h")
def test_one_programme_is_limited_whoever_sends(client, fed):
    cache.clear()
    for address in ("192.0.2.1", "192.0.2.2"):
        assert client.post(form_url(fed["both"]), valid_data(), REMOTE_ADDR=address).status_code == 302
    assert client.post(form_url(fed["both"]), valid_data(), REMOTE_ADDR="192.0.2.3").status_code == 429
    assert client.post(form_url(fed["volunteers_only"]), valid_data(), REMOTE_ADDR="192.0.2.3").status_code == 302
    assert ParticipationRequest.objects.count() == 3


def test_what_the_visitor_typed_stays_out_of_error_reports_and_search(client, fed):
    response = post(client, fed["both"], email="", phone="")  # invalid: a report would have the POST
    request = response.wsgi_request
    cleansed = SafeExceptionReporterFilter().get_post_parameters(request)
    for name in ("first_name", "email", "phone", "place", "message"):
        assert cleansed[name] == SafeExceptionReporterFilter.cleansed_substitute
    assert not issubclass(ParticipationRequest, Indexed)
