"""The site in each language, against the demo content.

Translated home and FAQ pages, hreflang alternates and a switcher that keeps the visitor on the same page,
the FAQ's anchors, <details> answers and JSON-LD, translated error pages, the translation check, and a
demo content command that can run twice and prints the README's accounts.
"""

import io
import json
import re
import shutil
from functools import partial
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Page, Site

from home.demo import loader
from home.demo.images import get_or_create_demo_image
from home.management.commands import check_translations
from home.models import CampaignImage, FAQPage, HomePage, StandardPage
from home.tests.demo_support import demo_content_loaded

pytestmark = [pytest.mark.sqlite_path, pytest.mark.django_db]

LANGUAGES = ("nl", "fr", "en")
REPO = Path(__file__).resolve().parents[2]
REAL_LOCALE_DIR = REPO / "campaign_site" / "locale"

# Words from the demo content and the templates, per language: each differs from the Dutch.
HOME_HEADINGS = {
    "nl": "Samen vind je sneller je weg",
    "fr": "À deux, on trouve plus vite son chemin",
    "en": "Together, you find your way sooner",
}
FAQ_TITLES = {"nl": "Veelgestelde vragen", "fr": "Questions fréquentes", "en": "Frequently asked questions"}
FIRST_QUESTIONS = {
    "nl": "Wat is een buddyprogramma?",
    "fr": "Qu'est-ce qu'un programme de parrainage\u00a0?",
    "en": "What is a buddy programme?",
}
SWITCHER_LABELS = {"nl": "Kies een taal", "fr": "Choisir une langue", "en": "Choose a language"}
NOT_FOUND = {"nl": "Pagina niet gevonden", "fr": "Page introuvable", "en": "Page not found"}
SERVER_ERROR = {"nl": "Er ging iets mis", "fr": "Un problème est survenu", "en": "Something went wrong"}


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo content once for the module (rolled back at the end); the command's output.

    Small demo pictures keep the home page's renditions quick to make.
    """
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "get_or_create_demo_image", partial(get_or_create_demo_image, size=(320, 180)))
        with demo_content_loaded(django_db_blocker, stdout=out):
            patch.undo()
            yield out.getvalue()


@pytest.fixture
def demo_content(demo_output, db):
    return demo_output


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content.decode(), "html.parser")


def translations_of(page):
    return {p.locale.language_code: p for p in page.get_translations(inclusive=True).specific()}


def text_of(element):
    return " ".join(element.get_text(" ").split())


def visible_text(element):
    """The text a reader sees: a space between paragraphs and list items, none around inline elements."""
    blocks = [b for b in element.find_all(["p", "li", "h2", "h3", "h4", "blockquote"]) if not b.find(["p", "li"])]
    return " ".join(" ".join(b.get_text("") for b in blocks or [element]).split())


# 1. Home and FAQ pages show their own language's content, not a copy of the Dutch.


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_its_own_languages_content(client, demo_content, language):
    home = HomePage.objects.get(locale__language_code=language)
    html = get_html(client, f"/{language}/")

    assert html.html["lang"] == language
    assert html.find("h1").get_text(strip=True) == HOME_HEADINGS[language]
    assert html.select_one("nav.language-switcher")["aria-label"] == SWITCHER_LABELS[language]
    assert html.select_one('meta[name="description"]')["content"] == home.search_description
    # The FAQ teasers are this language's questions, each linking to its anchor on this language's FAQ.
    faq = FAQPage.objects.get(locale__language_code=language)
    questions = {item["anchor"]: item["question"] for item in faq.questions()}
    teasers = html.select(".faq-teasers li a")
    assert teasers
    for link in teasers:
        url, _, anchor = link["href"].partition("#")
        assert url == faq.url and questions.get(anchor) == link.get_text(strip=True), link["href"]
    if language != "nl":
        dutch = HomePage.objects.get(locale__language_code="nl")
        page_text = text_of(html)
        assert HOME_HEADINGS["nl"] not in page_text
        assert " ".join(dutch.hero_text.split()) not in page_text
        assert home.search_description != dutch.search_description


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_page_shows_its_own_languages_questions(client, demo_content, language):
    faq = FAQPage.objects.get(locale__language_code=language)
    html = get_html(client, faq.url)

    assert html.html["lang"] == language
    assert html.find("h1").get_text(strip=True) == FAQ_TITLES[language]
    shown = [h3.get_text(strip=True) for h3 in html.select("details summary h3")]
    assert shown == [item["question"] for item in faq.questions()]
    assert shown[0] == FIRST_QUESTIONS[language]
    if language != "nl":
        dutch_questions = {item["question"] for item in FAQPage.objects.get(locale__language_code="nl").questions()}
        assert not set(shown) & dutch_questions
        assert FAQ_TITLES["nl"] not in text_of(html.find("main"))


# 2. hreflang alternates and the language switcher lead to the same page in the other languages.


def demo_pages_in_every_language():
    """Home, FAQ and a standard page, each as {language: page}."""
    about = StandardPage.objects.get(locale__language_code="nl", slug="over-de-campagne")
    return {
        "home": translations_of(HomePage.objects.get(locale__language_code="nl")),
        "faq": translations_of(FAQPage.objects.get(locale__language_code="nl")),
        "standard": translations_of(about),
    }


@pytest.mark.parametrize("kind", ["home", "faq", "standard"])
def test_head_and_switcher_link_to_the_translations_of_the_same_page(client, demo_content, kind):
    pages = demo_pages_in_every_language()[kind]
    # The home page also speaks the newcomer languages; the FAQ and the about page do not.
    expected = set(LANGUAGES) | (set(settings.NEWCOMER_LANGUAGES) if kind == "home" else set())
    assert set(pages) == expected
    urls = {code: page.url for code, page in pages.items()}
    assert len(set(urls.values())) == len(expected), urls  # different pages, not one page several times
    root = Site.objects.get(is_default_site=True).root_url  # the configured site, not the request's Host
    for language, page in pages.items():
        html = get_html(client, page.url)

        alternates = {link["hreflang"]: link["href"] for link in html.head.select('link[rel="alternate"][hreflang]')}
        assert alternates == {code: f"{root}{url}" for code, url in urls.items()}, (kind, language)
        assert html.head.select_one('link[rel="canonical"]')["href"] == f"{root}{urls[language]}"

        switcher = html.select_one("header nav.language-switcher")
        links = {a["hreflang"]: a for a in switcher.select("a[hreflang]")}
        assert {code: a["href"] for code, a in links.items()} == urls, (kind, language)
        assert [code for code, a in links.items() if a.get("aria-current")] == [language]


# 3. The FAQ: an anchor per question, answers in <details> (no JavaScript needed), FAQPage JSON-LD.


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_questions_have_anchors_native_details_and_matching_json_ld(client, demo_content, language):
    faq = FAQPage.objects.get(locale__language_code=language)
    questions = faq.questions()
    html = get_html(client, faq.url)

    items = html.select("main details")
    assert len(items) == len(questions) == 12
    ids = [details.get("id") for details in items]
    assert ids == [item["anchor"] for item in questions]
    assert all(ids) and len(set(ids)) == len(ids)
    assert len(html.find_all(id=ids)) == len(ids)  # no other element shares a question's id
    for details in items:
        summary = details.find(recursive=False)
        assert summary.name == "summary" and summary.find("h3")  # the question opens its answer natively
        answer = details.select_one(".faq-item__answer")
        assert answer.parent is details and text_of(answer)
        assert not details.find(attrs={"hidden": True}) and not details.find(attrs={"aria-hidden": "true"})

    scripts = html.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    assert data["inLanguage"] == language
    entities = data["mainEntity"]
    assert [entity["@type"] for entity in entities] == ["Question"] * len(questions)
    assert [entity["name"] for entity in entities] == [item["question"] for item in questions]
    assert [entity["name"] for entity in entities] == [h3.get_text(strip=True) for h3 in html.select("summary h3")]
    assert [" ".join(entity["acceptedAnswer"]["text"].split()) for entity in entities] == [
        visible_text(details.select_one(".faq-item__answer")) for details in items
    ]


def test_faq_json_ld_survives_text_that_looks_like_markup(client, demo_content):
    faq = FAQPage.objects.get(locale__language_code="en")
    sections = faq.sections.get_prep_value()
    question = "Can I write </script><script>alert(1)</script> or <!-- here?"
    first_item = sections[0]["value"]["questions"][0]["value"]  # ListBlock items are stored as {"type", "value"}
    first_item["question"] = question
    first_item["answer"] = "<p>Tom &amp; Jerry say &lt;hi&gt;</p><p>Next.</p>"
    faq.sections = sections
    faq.save()

    raw = client.get(faq.url).content.decode()
    assert "<script>alert(1)" not in raw and "<!--" not in raw
    scripts = BeautifulSoup(raw, "html.parser").select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    first = json.loads(scripts[0].string)["mainEntity"][0]
    assert first["name"] == question
    assert first["acceptedAnswer"]["text"] == "Tom & Jerry say <hi> Next."


# 4. Translated error pages.


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_in_the_requests_language(client, demo_content, language):
    html = get_html(client, f"/{language}/no-such-page-here/", status=404)
    assert html.find("h1").get_text(strip=True) == NOT_FOUND[language]
    assert html.select_one("nav.language-switcher")["aria-label"] == SWITCHER_LABELS[language]
    if language != "en":
        assert "Page not found" not in text_of(html)
    home = html.select_one("main a")
    assert home["href"] == f"/{language}/"


@pytest.mark.urls("home.tests.error_urls")
@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_page_is_in_the_requests_language(client, language):
    client.raise_request_exception = False
    response = client.get(f"/{language}/test-server-error/")
    assert response.status_code == 500
    assert [t.name for t in response.templates][:1] == ["500.html"]
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.html["lang"] == language
    assert html.find("h1").get_text(strip=True) == SERVER_ERROR[language]
    if language != "en":
        assert "Something went wrong" not in text_of(html)


# 5. The translation check fails, naming the file and the string, when a translation is missing.


def write_po(path, entries, fuzzy=()):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    for msgid, msgstr in entries.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if msgid in fuzzy else []))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))


def run_check(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("check_translations", *args, stdout=out, stderr=err)
    except CommandError as error:
        return str(error), err.getvalue()
    return None, out.getvalue()


def test_translation_check_passes_complete_files_and_names_each_missing_one(tmp_path):
    nl = tmp_path / "nl" / "LC_MESSAGES" / "django.po"
    fr = tmp_path / "fr" / "LC_MESSAGES" / "django.po"
    write_po(nl, {"Search": "Zoeken", "Topics": "Onderwerpen"})
    write_po(fr, {"Search": "Rechercher", "Topics": "Sujets"})
    with override_settings(LOCALE_PATHS=[tmp_path]):
        error, output = run_check("--no-extract")
        assert error is None and "Every string is translated" in output

        write_po(nl, {"Search": "Zoeken", "Topics": "Onderwerpen"}, fuzzy={"Topics"})
        write_po(fr, {"Search": "", "Topics": "Sujets"})
        error, output = run_check("--no-extract")
    assert error == "2 missing translation(s)."
    assert sorted(output.splitlines()) == sorted([f"{fr}: 'Search' is untranslated", f"{nl}: 'Topics' is untranslated"])


def test_translation_check_finds_a_missing_entry_in_a_copy_of_the_real_files(tmp_path):
    shutil.copytree(REAL_LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    copy = tmp_path / "fr" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(copy))
    entry = po.find("Page not found")
    assert entry is not None and entry.translated()
    entry.msgstr = ""
    po.save()
    with override_settings(LOCALE_PATHS=[tmp_path]):
        error, output = run_check("--no-extract")
    assert error and error.endswith("missing translation(s).")
    assert f"{copy}: 'Page not found' is untranslated" in output.splitlines()
    assert polib.pofile(str(REAL_LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po")).find("Page not found").msgstr


def test_translation_check_counts_a_string_new_in_a_template_as_missing(tmp_path, monkeypatch):
    """The check extracts first: a string added to a template but not to the .po files fails it."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text(
        '{% load i18n %}<p>{% translate "Search" %}</p><p>{% translate "A sentence nobody translated yet" %}</p>\n'
    )
    searches = {"nl": "Zoeken", "fr": "Rechercher", "ar": "بحث", "uk": "Пошук", "fa": "جستجو", "ti": "ድለ"}
    assert set(searches) == set(check_translations.TRANSLATED_LANGUAGES)
    for language, search in searches.items():
        write_po(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po", {"Search": search})
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        error, output = run_check()
    assert error == f"{len(searches)} missing translation(s)."
    assert sorted(line.split(": ", 1)[1] for line in output.splitlines()) == [
        "'A sentence nobody translated yet' is untranslated"
    ] * len(searches)
    assert polib.pofile(str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po")).find("Search").msgstr == (
        "Rechercher"
    )


# 6. The demo content command: twice is the same as once, and it prints the README's accounts.


def readme_demo_accounts():
    readme = (REPO / "README.md").read_text()
    table = readme.split("Demo accounts", 1)[1].split("\n\n", 2)[1]
    return {
        (match[1], match[2]) for match in re.finditer(r"^\|[^|\n]*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|", table, re.M)
    }


def printed_accounts(output):
    lines = output.split("Log in at /admin/ with:", 1)[1].splitlines()
    return {(match[1], match[2]) for line in lines if (match := re.match(r"^\s+(\S+)\s+(\S+)", line))}


def test_demo_command_prints_the_readmes_working_accounts(demo_content):
    accounts = readme_demo_accounts()
    assert {username for username, _ in accounts} >= {"campaign-admin", "campaign-editor", "org-editor"}
    assert printed_accounts(demo_content) == accounts
    users = get_user_model().objects
    for username, password in accounts:
        assert users.get(username=username).check_password(password), username


def test_demo_command_run_twice_adds_no_pages_images_or_users(demo_content):
    def counts():
        return {
            "pages": Page.objects.count(),
            "images": CampaignImage.objects.count(),
            "users": get_user_model().objects.count(),
        }

    before = counts()
    assert before["pages"] > 18 and before["images"] and before["users"] >= 3
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert counts() == before
    assert re.search(r"^\s+campaign-editor\s+\(existing account, password unchanged\)$", out.getvalue(), re.M)
