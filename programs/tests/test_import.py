import io
import json

import pytest

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import translation

from wagtail.models import Collection, Revision

from programs.importer import COLUMNS, import_programmes
from programs.models import OrganisationPage, ProgramPage
from programs.tests.support import codes, in_locale, make_index

HEADER = ",".join(COLUMNS)


def csv_file(tmp_path, rows, *, header=None, name="programmes.csv"):
    """Write rows (dicts of column -> value) as CSV with the standard header."""
    import csv

    columns = header or COLUMNS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in columns})
    path = tmp_path / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def row(external_id="bw-1", **values):
    base = {
        "external_id": external_id,
        "organisation": "Buddywerk Antwerpen",
        "organisation_website": "https://buddywerk.example",
        "organisation_email": "info@buddywerk.example",
        "name": "Taalbuddy",
        "summary": "Samen Nederlands oefenen.",
        "description": "Een vrijwilliger en een nieuwkomer spreken af.\n\nZe oefenen Nederlands & leren elkaar kennen.",
        "themes": "language;social",
        "target_groups": "adults",
        "regions": "BE-VAN",
        "municipalities": "Antwerpen;2640",
        "languages": "nl;ar",
        "modes": "in-person",
        "volunteer_commitment": "Zes maanden, elke week.",
        "min_volunteer_age": "18",
        "accepting_volunteers": "open",
        "accepting_newcomers": "waitlist",
        "status": "active",
        "signup_url": "https://buddywerk.example/aanmelden",
        "contact_name": "Sara",
        "contact_email": "sara@buddywerk.example",
        "contact_phone": "+32 3 123 45 67",
        "address": "Kerkstraat 1",
        "postcode": "2000",
        "city": "Antwerpen",
        "latitude": "51.2194",
        "longitude": "4.4025",
        "last_verified": "2026-03-01",
        "name_fr": "Binôme d'une langue & l'autre",
        "summary_fr": "Pratiquer le néerlandais ensemble.",
        "description_fr": "Un bénévole et un nouvel arrivant se rencontrent.\n\nIls parlent néerlandais & anglais.",
        "name_en": "Language buddy",
        "summary_en": "Practise Dutch together.",
        "description_en": "",
    }
    base.update(values)
    return base


@pytest.fixture
def site(home_page):
    return make_index(home_page)


@pytest.mark.django_db
def test_valid_file_creates_programmes_organisations_and_translations(tmp_path, site):
    path = csv_file(
        tmp_path,
        [
            row(),
            row(
                "bw-2",
                name="Werkbuddy",
                themes="work",
                name_fr="",
                summary_fr="",
                description_fr="",
                name_en="",
                summary_en="",
                municipalities="",
            ),
        ],
    )
    result = import_programmes(path)
    assert result.ok, result.errors
    assert sorted(result.created) == ["bw-1", "bw-2"]
    assert result.organisations_created == ["Buddywerk Antwerpen"]

    organisation = OrganisationPage.objects.get(title="Buddywerk Antwerpen", locale__language_code="nl")
    assert organisation.website == "https://buddywerk.example"
    assert Group.objects.filter(name="Buddywerk Antwerpen editors").exists()
    assert Collection.objects.filter(name="Buddywerk Antwerpen").exists()

    programme = ProgramPage.objects.get(external_id="bw-1", locale__language_code="nl")
    assert programme.live
    assert programme.get_parent().pk == organisation.pk
    assert programme.title == "Taalbuddy"
    assert programme.description == (
        "<p>Een vrijwilliger en een nieuwkomer spreken af.</p><p>Ze oefenen Nederlands &amp; leren elkaar kennen.</p>"
    )
    assert codes(programme, "themes") == ["language", "social"]
    assert codes(programme, "languages") == ["ar", "nl"]
    assert [m.name_nl for m in programme.municipalities()] == ["Antwerpen", "Mortsel"]
    location = programme.locations.get()
    assert (location.city, str(location.latitude)) == ("Antwerpen", "51.219400")
    assert programme.min_volunteer_age == 18
    assert programme.accepting_newcomers == "waitlist"
    assert str(programme.last_verified) == "2026-03-01"

    french = in_locale(programme, "fr")
    assert french.alias_of_id is None and french.live
    assert french.title == "Binôme d'une langue & l'autre"
    assert french.slug == "binome-dune-langue-lautre"
    assert french.summary == "Pratiquer le néerlandais ensemble."
    assert "Ils parlent néerlandais &amp; anglais." in french.description
    assert codes(french, "themes") == ["language", "social"]
    english = in_locale(programme, "en")
    assert english.title == "Language buddy"
    assert english.summary == "Practise Dutch together."
    # Without a translated description, the English page keeps the Dutch one.
    assert "Een vrijwilliger" in english.description

    untranslated = ProgramPage.objects.get(external_id="bw-2", locale__language_code="fr")
    assert untranslated.alias_of_id is not None


@pytest.mark.django_db
def test_reimport_updates_instead_of_duplicating(tmp_path, site):
    path = csv_file(tmp_path, [row()])
    assert import_programmes(path).created == ["bw-1"]
    revisions = Revision.objects.count()

    again = import_programmes(path)
    assert again.ok and again.unchanged == ["bw-1"] and not again.created and not again.updated
    assert Revision.objects.count() == revisions

    changed = csv_file(tmp_path, [row(accepting_volunteers="closed", themes="work", summary_fr="Nouveau résumé.")])
    result = import_programmes(changed)
    assert result.updated == ["bw-1"]
    assert ProgramPage.objects.filter(external_id="bw-1").count() == 3  # nl source, fr and en translations
    programme = ProgramPage.objects.get(external_id="bw-1", locale__language_code="nl")
    assert programme.accepting_volunteers == "closed"
    assert programme.get_latest_revision().pk == programme.live_revision_id
    french = in_locale(programme, "fr")
    assert french.summary == "Nouveau résumé."
    assert french.accepting_volunteers == "closed"
    assert codes(french, "themes") == ["work"]
    assert OrganisationPage.objects.filter(title="Buddywerk Antwerpen", alias_of__isnull=True).count() == 1


def one_line(external_id, **values):
    return row(external_id, description="Een alinea.", description_fr="Un paragraphe.", **values)


@pytest.mark.django_db
def test_invalid_file_imports_nothing_and_names_every_bad_row(tmp_path, site):
    path = csv_file(
        tmp_path,
        [
            one_line("ok-1"),
            one_line("bad-1", regions="BE-XXX", status="sleeping"),
            one_line("bad-2", summary="", last_verified="01/02/2026", municipalities="Atlantis"),
            one_line("ok-1", name="Duplicate"),
            one_line("bad-3", latitude="95", longitude="", signup_url="ftp://x", languages="nl;klingon"),
        ],
    )
    result = import_programmes(path)
    messages = [str(error) for error in result.errors]
    assert any(m.startswith("line 3, column regions:") for m in messages)
    assert any(m.startswith("line 3, column status:") for m in messages)
    assert "line 4, column summary: required" in messages
    assert any(
        m.startswith("line 4, column municipalities: unknown municipality or postcode: Atlantis") for m in messages
    )
    assert any(m.startswith("line 4, column last_verified:") for m in messages)
    assert any(m.startswith("line 5, column external_id:") for m in messages)
    assert any(m.startswith("line 6, column latitude:") for m in messages)
    assert any(m.startswith("line 6, column longitude:") for m in messages)
    assert any(m.startswith("line 6, column signup_url:") for m in messages)
    assert any(m.startswith("line 6, column languages:") and "klingon" in m for m in messages)
    assert not any(m.startswith("line 2,") for m in messages)
    assert not ProgramPage.objects.exists()
    assert not OrganisationPage.objects.exists()
    assert not Group.objects.filter(name__endswith=" editors").exists()


@pytest.mark.django_db
def test_unknown_and_missing_columns_are_reported(tmp_path, site):
    path = tmp_path / "p.csv"
    path.write_text("external_id,organisation,name,theme\nx,Org,Naam,language\n", encoding="utf-8")
    messages = [str(e) for e in import_programmes(path).errors]
    assert "line 1, column theme: unknown column" in messages
    assert "line 1, column summary: required column is missing" in messages
    assert "line 1, column regions: required column is missing" in messages


@pytest.mark.django_db
def test_line_numbers_count_multi_line_cells(tmp_path, site):
    path = csv_file(
        tmp_path, [row("a", description="Een.\n\nTwee.", description_fr="Un.\n\nDeux."), row("b", regions="")]
    )
    messages = [str(e) for e in import_programmes(path).errors]
    # Row "a" spans lines 2 to 6 (two cells hold a blank line each), row "b" starts on line 7.
    assert messages == ["line 7, column regions: required"]


@pytest.mark.django_db
def test_translated_description_must_match_the_paragraphs(tmp_path, site):
    path = csv_file(tmp_path, [row(description_fr="Un seul paragraphe.")])
    messages = [str(e) for e in import_programmes(path).errors]
    assert messages and messages[0].startswith("line 2, column description_fr: has 1 paragraph(s)")


@pytest.mark.django_db
def test_json_file_with_a_french_source(tmp_path, site):
    records = [
        {
            "external_id": "lg-1",
            "organisation": "Duo Liège",
            "source_locale": "fr",
            "name": "Binômes liégeois",
            "summary": "Des duos à Liège.",
            "regions": ["BE-WLG"],
            "municipalities": "Luik",
            "themes": "social",
            "name_nl": "Luikse duo's",
            "summary_nl": "Duo's in Luik.",
        },
        {"external_id": "lg-2", "organisation": "Duo Liège", "name": "x", "summary": "", "regions": "BE-WLG"},
    ]
    path = tmp_path / "p.json"
    path.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, indent=1) for r in records) + "\n]\n")
    messages = [str(e) for e in import_programmes(path).errors]
    second_line = path.read_text().splitlines().index("{", 2) + 1
    assert messages == [f"line {second_line}, column summary: required"]

    records.pop()
    path.write_text(json.dumps(records, ensure_ascii=False))
    result = import_programmes(path)
    assert result.ok, result.errors
    programme = ProgramPage.objects.get(external_id="lg-1", alias_of__isnull=True, locale__language_code="fr")
    organisation = programme.get_parent().specific
    assert organisation.locale.language_code == "fr"
    dutch = in_locale(programme, "nl")
    assert (dutch.title, dutch.summary, dutch.alias_of_id) == ("Luikse duo's", "Duo's in Luik.", None)
    english = in_locale(programme, "en")
    assert english.alias_of_id == programme.pk
    assert english.get_content_language() == "fr"


@pytest.mark.django_db
def test_reimport_refuses_to_move_a_programme_to_another_organisation(tmp_path, site):
    import_programmes(csv_file(tmp_path, [row()]))
    result = import_programmes(csv_file(tmp_path, [row(organisation="Andere vzw")]))
    assert [str(e) for e in result.errors][0].startswith("line 2, column organisation: programme bw-1 belongs to")
    assert not OrganisationPage.objects.filter(title="Andere vzw").exists()


@pytest.mark.django_db
def test_command_reports_errors_and_exits_non_zero(tmp_path, site):
    path = csv_file(tmp_path, [row(status="sleeping")])
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_programs", str(path), stderr=err, stdout=io.StringIO())
    assert "line 2, column status:" in err.getvalue()


@pytest.mark.django_db
def test_command_dry_run_writes_nothing(tmp_path, site):
    path = csv_file(tmp_path, [row(), row("bw-2", name="Werkbuddy")])
    out = io.StringIO()
    call_command("import_programs", str(path), "--dry-run", stdout=out)
    assert "would create 2, would update 0, unchanged 0" in out.getvalue()
    assert not ProgramPage.objects.exists() and not OrganisationPage.objects.exists()

    out = io.StringIO()
    call_command("import_programs", str(path), stdout=out)
    assert "created 2, updated 0, unchanged 0" in out.getvalue()
    assert "[" not in out.getvalue()  # no progress bar when stdout is not a terminal


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00garbage", b"", b'[{"external_id": ', b"[1, 2]", b'external_id,organisation\n"unterminated'],
)
def test_unreadable_files_give_a_message_not_a_traceback(tmp_path, site, content):
    path = tmp_path / ("p.json" if content.startswith(b"[") else "p.csv")
    path.write_bytes(content)
    result = import_programmes(path)
    assert result.errors
    assert all(str(error).startswith("line ") for error in result.errors)
    assert not ProgramPage.objects.exists()


@pytest.mark.django_db
def test_missing_file_is_a_command_error(tmp_path, site):
    with pytest.raises(CommandError):
        call_command("import_programs", str(tmp_path / "nope.csv"), stderr=io.StringIO())


@pytest.mark.django_db
def test_new_translations_get_no_redirects_from_addresses_that_were_never_public(
    tmp_path, site, django_capture_on_commit_callbacks
):
    from wagtail.contrib.redirects.models import Redirect

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert import_programmes(csv_file(tmp_path, [row()])).ok
    assert callbacks
    french = ProgramPage.objects.get(external_id="bw-1", locale__language_code="fr")
    assert not Redirect.objects.filter(redirect_page=french).exists()


UNTRANSLATED = {f"{name}_{code}": "" for name in ("name", "summary", "description") for code in ("fr", "en")}


@pytest.mark.django_db
def test_reimport_with_translation_columns_makes_wagtail_localize_translations(tmp_path, site):
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    assert import_programmes(csv_file(tmp_path, [row(**UNTRANSLATED)])).created == ["bw-1"]
    programme = ProgramPage.objects.get(external_id="bw-1", locale__language_code="nl")
    assert in_locale(programme, "en").alias_of_id == programme.pk

    english = {
        "name_en": "Language buddy",
        "summary_en": "Practise Dutch together.",
        "description_en": "A volunteer and a newcomer meet.\n\nThey practise Dutch & get to know each other.",
    }
    result = import_programmes(csv_file(tmp_path, [row(**{**UNTRANSLATED, **english})]))
    assert result.ok and result.updated == ["bw-1"], result.errors

    page = in_locale(programme, "en")
    assert page.alias_of_id is None and page.live and not page.has_unpublished_changes
    assert (page.title, page.summary) == ("Language buddy", "Practise Dutch together.")
    assert "They practise Dutch &amp; get to know each other." in page.description
    assert "Zes maanden" in page.volunteer_commitment  # no column for it: the source text until translated
    source = TranslationSource.objects.get(object_id=programme.translation_key)
    assert Translation.objects.filter(source=source, target_locale=page.locale, enabled=True).exists()
    stored = set(StringTranslation.objects.filter(locale=page.locale).values_list("data", flat=True))
    assert {"Language buddy", "Practise Dutch together.", "A volunteer and a newcomer meet."} <= stored
    assert in_locale(programme, "fr").alias_of_id == programme.pk  # no French columns: still an alias

    # Changing one translated text updates that translation, and its editor, in place.
    changed = {**english, "summary_en": "Practise Dutch together, every week."}
    assert import_programmes(csv_file(tmp_path, [row(**{**UNTRANSLATED, **changed})])).updated == ["bw-1"]
    page = in_locale(programme, "en")
    assert page.summary == "Practise Dutch together, every week." and page.title == "Language buddy"
    assert StringTranslation.objects.filter(locale=page.locale, data=changed["summary_en"]).exists()


@pytest.mark.django_db
def test_bad_translation_columns_report_line_and_column(tmp_path, site):
    path = csv_file(
        tmp_path,
        [
            row("ok-1"),
            row("bad-1", name_en="", summary_en="Practise Dutch together."),
            row("bad-2", description_en="Only one paragraph."),
        ],
    )
    messages = [str(error) for error in import_programmes(path).errors]
    # Each row spans five lines: its description and description_fr hold a blank line each.
    assert messages == [
        "line 7, column name_en: required when summary_en or description_en is given",
        "line 12, column description_en: has 1 paragraph(s), the description has 2; translate paragraph by paragraph",
    ]
    assert not ProgramPage.objects.exists()


@pytest.mark.django_db
def test_an_organisation_whose_group_would_be_someone_elses_is_reported_and_nothing_is_imported(tmp_path, site):
    from programs.onboarding import ensure_campaign_groups

    ensure_campaign_groups()
    path = csv_file(tmp_path, [row(), row("bw-2", organisation="Campaign")])
    for dry_run in (True, False):
        with translation.override("en"):
            result = import_programmes(path, dry_run=dry_run)
        assert len(result.errors) == 1 and result.errors[0].line > 2  # the second row (its cells span lines)
        assert ", column organisation: " in str(result.errors[0]) and "“Campaign editors”" in str(result.errors[0])
    assert not OrganisationPage.objects.exists() and not ProgramPage.objects.exists()


@pytest.mark.django_db
def test_import_resolves_luxembourg_former_place_and_foreign_names_to_todays_municipality(tmp_path, site):
    path = csv_file(
        tmp_path,
        [
            row("lu-1", regions="LU", municipalities="Luxembourg;Esch-sur-Alzette;Schifflange;L-4170"),
            row("be-1", regions="BE-VOV;BE-VAN", municipalities="Merelbeke;Ledeberg;Ghent;Gand;Borgerhout"),
        ],
    )
    result = import_programmes(path)
    assert result.ok, result.errors
    luxembourg = ProgramPage.objects.get(external_id="lu-1", locale__language_code="nl")
    assert [(m.country, m.name_fr) for m in luxembourg.municipalities()] == [
        ("LU", "Luxembourg"),
        ("LU", "Esch-sur-Alzette"),
        ("LU", "Schifflange"),
    ]
    belgian = ProgramPage.objects.get(external_id="be-1", locale__language_code="nl")
    assert [m.name_nl for m in belgian.municipalities()] == ["Merelbeke-Melle", "Gent", "Antwerpen"]


@pytest.mark.django_db
def test_import_names_line_and_column_for_ambiguous_and_misspelt_places(tmp_path, site):
    path = csv_file(tmp_path, [one_line("x-1"), one_line("x-2", municipalities="4170;Merelbek")])
    messages = [str(error) for error in import_programmes(path).errors]
    assert any(m.startswith("line 3, column municipalities: “4170” could be") for m in messages), messages
    assert any(
        m.startswith("line 3, column municipalities: unknown municipality or postcode: Merelbek")
        and "did you mean Merelbeke-Melle" in m
        for m in messages
    ), messages


@pytest.mark.django_db
def test_import_accepts_any_iso_639_language_and_names_it_in_every_language(tmp_path, site):
    path = csv_file(tmp_path, [row(languages="lb;PRS;ti;ckb;nld;kab")])
    result = import_programmes(path)
    assert result.ok, result.errors
    programme = ProgramPage.objects.get(external_id="bw-1", locale__language_code="nl")
    assert codes(programme, "languages") == ["ckb", "kab", "lb", "nl", "prs", "ti"]
    kabyle = programme.languages.get(code="kab")
    with translation.override("fr"):
        assert str(kabyle) == "Kabyle"
    with translation.override("nl"):
        assert str(kabyle) == "Kabylisch"
    with translation.override("en"):
        assert str(programme.languages.get(code="prs")) == "Dari"


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["xx", "klingon", "en-US", "qaa", "12"])
def test_import_refuses_what_is_not_an_iso_639_language_naming_line_and_column(tmp_path, site, bad):
    path = csv_file(tmp_path, [one_line("bw-1"), one_line("bw-2", languages=f"nl;{bad}")])
    messages = [str(error) for error in import_programmes(path).errors]
    assert any(m.startswith("line 3, column languages: unknown language code(s) " + bad) for m in messages), messages


# Hostile and odd files: each is refused with a line-numbered message and writes nothing.

NUL_MESSAGE = "contains a NUL character (code 0), which cannot be stored; remove it"
TOO_DEEP = "not valid import data (lists or objects nested too deeply; each programme is one object of text values)"


def assert_nothing_written():
    assert not ProgramPage.objects.exists()
    assert not OrganisationPage.objects.exists()
    assert not Group.objects.filter(name__endswith=" editors").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("column", ["name", "description", "contact_name", "organisation"])
def test_a_nul_character_in_a_csv_cell_is_reported_by_line_and_column(tmp_path, site, column):
    bad = one_line("bad-1") | {column: "Taal\x00buddy"}
    path = csv_file(tmp_path, [one_line("ok-1"), bad])
    messages = [str(e) for e in import_programmes(path).errors]
    assert messages == [f"line 3, column {column}: {NUL_MESSAGE}"]
    assert_nothing_written()


@pytest.mark.django_db
def test_a_nul_character_in_a_json_value_is_reported_by_line_and_column(tmp_path, site):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([one_line("ok-1"), one_line("bad-1", summary="Samen\x00oefenen.")], indent=1))
    messages = [str(e) for e in import_programmes(path).errors]
    second_line = path.read_text().splitlines().index(" {", 2) + 1
    assert messages == [f"line {second_line}, column summary: {NUL_MESSAGE}"]
    assert_nothing_written()


@pytest.mark.django_db
@pytest.mark.parametrize("nesting", ["[" * 100_000 + "]" * 100_000, '{"a": ' * 100_000 + "1" + "}" * 100_000])
def test_deeply_nested_json_is_refused_with_a_message(tmp_path, site, nesting):
    path = tmp_path / "p.json"
    path.write_text("[\n" + json.dumps(one_line("ok-1")) + ",\n" + nesting + "\n]\n")
    assert [str(e) for e in import_programmes(path).errors] == [f"line 3: {TOO_DEEP}"]
    assert_nothing_written()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("trailer", "line"), [("garbage", 1), ("\n\n]", 3), ('\n[{"external_id": "bw-2"}]', 2), ("\x00", 1)]
)
def test_text_after_the_json_list_is_refused(tmp_path, site, trailer, line):
    path = tmp_path / "p.json"
    path.write_text(json.dumps([one_line("ok-1")]) + trailer)
    messages = [str(e) for e in import_programmes(path).errors]
    assert messages == [f"line {line}: not valid JSON (more text after the list ends)"]
    assert_nothing_written()


@pytest.mark.django_db
def test_cr_only_line_endings_keep_lines_and_paragraphs_apart(tmp_path, site):
    two_paragraphs = {"description": "Een.\n\nTwee.", "description_fr": "Un.\n\nDeux."}

    def old_mac_file(rows):
        """What a spreadsheet on an old Mac writes: lines end with CR alone, inside quoted cells too."""
        path = tmp_path / "old-mac.csv"
        path.write_bytes(csv_file(tmp_path, rows).read_bytes().replace(b"\n", b"\r"))
        return path

    # Lines are counted as in any other file: row "a" spans lines 2 to 6, row "b" starts on line 7.
    result = import_programmes(old_mac_file([row("a", **two_paragraphs), row("b", regions="")]))
    assert [str(e) for e in result.errors] == ["line 7, column regions: required"]
    assert_nothing_written()

    result = import_programmes(old_mac_file([row("a", **two_paragraphs)]))
    assert result.ok, result.errors
    programme = ProgramPage.objects.get(external_id="a", locale__language_code="nl")
    assert programme.description == "<p>Een.</p><p>Twee.</p>"
    assert in_locale(programme, "fr").description == "<p>Un.</p><p>Deux.</p>"


@pytest.mark.django_db
def test_the_request_form_column_chooses_who_may_send_requests(tmp_path, site):
    header = [*COLUMNS, "request_form"]
    path = csv_file(
        tmp_path,
        [row(request_form="both"), row("bw-2", name="Werkbuddy", request_form="Newcomers"), row("bw-3", name="Zonder")],
        header=header,
    )
    result = import_programmes(path)
    assert result.ok, result.errors
    chosen = {
        p.external_id: (p.volunteer_request_form, p.newcomer_request_form)
        for p in ProgramPage.objects.filter(locale__language_code="fr")
    }
    assert chosen == {"bw-1": (True, True), "bw-2": (False, True), "bw-3": (False, False)}

    bad = csv_file(tmp_path, [row(request_form="everyone")], header=header, name="bad.csv")
    messages = [str(error) for error in import_programmes(bad).errors]
    assert messages == ["line 2, column request_form: “everyone” is not one of none|volunteers|newcomers|both"]
