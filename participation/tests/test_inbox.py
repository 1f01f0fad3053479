"""The inbox of requests (participation/): what an organisation's editors do with a request, and retention.

Who may reach a request at all (role × action) is in the central table,
tests/test_permissions_matrix.py; here: superusers are no exception, the
export holds one's own requests only, editors change status and note but not
what the visitor sent, erasure is counted and leaves nothing, the dashboards,
and deletion after the retention periods.
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
from home.tests.admin_support import client_for, make_home, rolled_back
from home.tests.factories import UserFactory
from participation.models import ERASED, EXPIRED, RECEIVED, ParticipationRequest, RequestFigure
from participation.tests.support import build_federation, make_request
from programs.models import OrganisationPage

HOME = reverse("wagtailadmin_home")


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


def test_not_even_a_superuser_reaches_a_request(w):
    client = client_for(w, "superuser")
    pk = w["requests"]["A"]
    assert "Amal" not in client.get(reverse("participation_requests:index")).content.decode()
    assert refused(client.get(reverse("participation_requests:edit", args=[pk])))
    assert refused(client.post(reverse("participation_requests:delete", args=[pk])))
    assert ParticipationRequest.objects.filter(pk=pk).exists()
    assert client.get(reverse("participation_figures")).status_code == 200


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
