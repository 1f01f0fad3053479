"""The inbox of requests (participation/): only the receiving organisation's editors ever see a request.

The security promise as a table, role × action, at organisation A's request:
A's editors list, open, change, export and erase it; B's editors, translators,
campaign editors, campaign admins and superusers can do none of it (they are
refused, or their list and export simply do not hold it), while campaign staff
alone see the figures. Then the inbox's own behaviour: status and note,
erasure counted, the export, the dashboard panels, retention.
"""

import csv
import datetime
import io

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from home.permissions import TRANSLATORS
from participation.models import ERASED, EXPIRED, RECEIVED, ParticipationRequest, RequestFigure
from programs.models import OrganisationPage
from tests.admin_support import client_for, make_home, rolled_back
from tests.factories import UserFactory
from tests.participation_support import build_federation, make_request

HOME = reverse("wagtailadmin_home")
ROLES = ["org_a", "org_b", "translator", "campaign_editor", "campaign_admin", "superuser"]


def _build_world():
    fed = build_federation(make_home())
    users = {"org_a": fed["editor_a"], "org_b": fed["editor_b"]}
    users["translator"] = UserFactory(username="translator")
    users["translator"].groups.add(fed["groups"][TRANSLATORS])
    users["campaign_editor"] = UserFactory(username="campaign-editor")
    users["campaign_editor"].groups.add(fed["groups"]["editors"])
    users["campaign_admin"] = UserFactory(username="campaign-admin")
    users["campaign_admin"].groups.add(fed["groups"]["admins"])
    users["superuser"] = UserFactory(username="root", is_superuser=True, is_staff=True)
    request_a = make_request(fed["both"], fed["org_a"], first_name="Amal", email="amal@example.org")
    RequestFigure.add(RECEIVED, request_a)
    request_b = make_request(fed["programme_b"], fed["org_b"], first_name="Bruno", email="bruno@example.org")
    RequestFigure.add(RECEIVED, request_b)
    return {
        "users": {role: user.pk for role, user in users.items()},
        "requests": {"A": request_a.pk, "B": request_b.pk},
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield _build_world()


@pytest.fixture
def w(world, db):
    return world


def refused(response):
    """403, 404, or Wagtail's permission-denied redirect to the dashboard."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response.url == HOME)


# Actions: each returns (response, reached) where `reached` says whether A's request was seen or changed. ----


def list_inbox(client, pk):
    response = client.get(reverse("participation_requests:index"))
    return response, response.status_code == 200 and "Amal" in response.content.decode()


def open_request(client, pk):
    response = client.get(reverse("participation_requests:edit", args=[pk]))
    return response, response.status_code == 200 and "amal@example.org" in response.content.decode()


def change_request(client, pk):
    response = client.post(
        reverse("participation_requests:edit", args=[pk]), {"status": "contacted", "note": "Gebeld op maandag."}
    )
    return response, ParticipationRequest.objects.get(pk=pk).status == "contacted"


def export_inbox(client, pk):
    response = client.get(reverse("participation_requests:index") + "?export=csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, response.status_code == 200 and b"amal@example.org" in body


def erase_request(client, pk):
    response = client.post(reverse("participation_requests:delete", args=[pk]))
    return response, not ParticipationRequest.objects.filter(pk=pk).exists()


def see_figures(client, pk):
    response = client.get(reverse("participation_figures"))
    return response, response.status_code == 200 and "Organisatie A" in response.content.decode()


INBOX_ACTIONS = [list_inbox, open_request, change_request, export_inbox, erase_request]
MATRIX = [(action, role, role == "org_a") for action in INBOX_ACTIONS for role in ROLES] + [
    (see_figures, role, role in ("campaign_editor", "campaign_admin", "superuser")) for role in ROLES
]


@pytest.mark.parametrize(("action", "role", "allowed"), MATRIX, ids=[f"{a.__name__}-{r}" for a, r, _allowed in MATRIX])
def test_only_the_receiving_organisations_editors_reach_a_request(w, action, role, allowed):
    client = client_for(w, role)
    response, reached = action(client, w["requests"]["A"])
    assert response.status_code < 500
    assert reached is allowed
    if not allowed and action not in (list_inbox, export_inbox):
        assert refused(response)


def test_anonymous_visitors_are_sent_to_the_login(w, client):
    for url in (
        reverse("participation_requests:index"),
        reverse("participation_requests:edit", args=[w["requests"]["A"]]),
        reverse("participation_figures"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response.url


def test_an_organisations_inbox_and_export_hold_its_own_requests_only(w):
    client = client_for(w, "org_b")
    html = client.get(reverse("participation_requests:index")).content.decode()
    assert "Bruno" in html and "Amal" not in html
    response = client.get(reverse("participation_requests:index") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 2 and "bruno@example.org" in rows[1] and "Bruno" in rows[1]


def test_an_editor_changes_status_and_note_but_not_what_the_visitor_sent(w):
    client = client_for(w, "org_a")
    pk = w["requests"]["A"]
    client.post(
        reverse("participation_requests:edit", args=[pk]),
        {"status": "closed", "note": "Gekoppeld aan een buddy.", "first_name": "Changed", "email": "x@example.org"},
    )
    changed = ParticipationRequest.objects.get(pk=pk)
    assert (changed.status, changed.note) == ("closed", "Gekoppeld aan een buddy.")
    assert (changed.first_name, changed.email) == ("Amal", "amal@example.org")
    assert changed.closed_at is not None


def test_erasing_counts_the_request_and_keeps_nothing_of_it(w):
    client = client_for(w, "org_a")
    pk = w["requests"]["A"]
    response = client.post(reverse("participation_requests:delete", args=[pk]))
    assert response.status_code == 302
    assert not ParticipationRequest.objects.filter(pk=pk).exists()
    assert RequestFigure.objects.get(event=ERASED).count == 1
    # The admin's history keeps a label without the visitor's data.
    labels = " ".join(ModelLogEntry.objects.values_list("label", flat=True))
    assert "Amal" not in labels and "amal@example.org" not in labels


def test_no_one_adds_a_request_in_the_admin(w):
    for role in ("org_a", "campaign_admin", "superuser"):
        response = client_for(w, role).get(reverse("participation_requests:add"))
        assert refused(response), role


def test_the_dashboards_show_new_requests_to_editors_and_figures_to_campaign_staff(w):
    editor_home = client_for(w, "org_a").get(HOME).content.decode()
    assert "1 nieuwe aanvraag wacht op antwoord" in editor_home or "1 new request waits" in editor_home
    staff_home = client_for(w, "campaign_editor").get(HOME).content.decode()
    assert reverse("participation_figures") in staff_home
    assert "Amal" not in staff_home


# Retention ------------------------------------------------------------------------------------------


def test_expired_requests_are_deleted_and_counted(w, settings):
    settings.PARTICIPATION_CLOSED_RETENTION_DAYS = 90
    settings.PARTICIPATION_RETENTION_DAYS = 180
    now = timezone.now()
    request_a = ParticipationRequest.objects.get(pk=w["requests"]["A"])
    programme = request_a.programme
    organisation = OrganisationPage.objects.filter(translation_key=request_a.organisation_key).first()
    old_open = make_request(programme, organisation, created_at=now - datetime.timedelta(days=181))
    young_open = make_request(programme, organisation, created_at=now - datetime.timedelta(days=179))
    closed_long_ago = make_request(programme, organisation, status="closed")
    ParticipationRequest.objects.filter(pk=closed_long_ago.pk).update(closed_at=now - datetime.timedelta(days=91))
    closed_lately = make_request(programme, organisation, status="closed")
    ParticipationRequest.objects.filter(pk=closed_lately.pk).update(closed_at=now - datetime.timedelta(days=89))

    out = io.StringIO()
    call_command("delete_expired_requests", "--dry-run", stdout=out)
    assert "2" in out.getvalue() and ParticipationRequest.objects.filter(pk=old_open.pk).exists()

    out = io.StringIO()
    call_command("delete_expired_requests", stdout=out)
    remaining = set(ParticipationRequest.objects.values_list("pk", flat=True))
    assert old_open.pk not in remaining and closed_long_ago.pk not in remaining
    assert {young_open.pk, closed_lately.pk, request_a.pk} <= remaining
    assert RequestFigure.objects.get(event=EXPIRED).count == 2
    assert "Deleted 2 request(s)" in out.getvalue() and "Amal" not in out.getvalue()
