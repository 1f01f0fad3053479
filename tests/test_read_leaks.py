"""What an organisation editor may *see* (README: Roles), as a table: admin view × role, asserted on the body.

Beside the permission matrix (tests/test_permissions_matrix.py, which checks
writes): organisation B's drafts, never-published pages, images, documents
and their file names and tags all carry the marker SECRET, and nothing else
does. Organisation A's editor may see B's *live* titles where they are public
anyway (to link to them), never the marker, in any view, chooser, report,
API endpoint or bulk-action confirmation. The campaign editor's row of each
view shows that the view does show the marker to those who may see it, so
its absence for A means something. Requests never carry the marker
themselves (a search box would echo it): searches use other words of the
same titles.

The world is built once per module inside a transaction rolled back at the end.
"""

import io

import pytest
from PIL import Image as PILImage

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, WorkflowState
from wagtail_localize.models import Translation

from home.tests.admin_support import client_for, make_home, rolled_back
from home.tests.factories import UserFactory
from home.tests.two_factor_support import Client
from home.translation import translate_instance
from programs.models import ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme
from programs.workflow import ensure_campaign_review_workflow
from stories.models import OrganisationStoriesPage
from stories.tests.support import make_story, make_story_index

SECRET = "zqxvwk"  # only in organisation B's drafts, unpublished pages, images, documents, file names and tags


# The world ------------------------------------------------------------------------------------------------


def _image(title, collection, tag=None):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    image = get_image_model().objects.create(
        title=title,
        credit="© test",
        collection=collection,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title.lower().replace(' ', '-')}.png"),
    )
    if tag:
        image.tags.add(tag)
    return image


def _document(title, collection, tag=None):
    document = get_document_model().objects.create(
        title=title, collection=collection, file=ContentFile(b"buddy", name=f"{title.lower().replace(' ', '-')}.txt")
    )
    if tag:
        document.tags.add(tag)
    return document


def _draft(page, user=None, **changes):
    """A new revision of a live page (its draft), leaving the live row as it is."""
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft.save_revision(user=user, log_action=True)


def _build_world():
    home = make_home()
    index = make_index(home)
    story_index = make_story_index(home)
    org_a = onboard_organisation("Organisatie A")
    org_b = onboard_organisation("Organisation B", source_locale="fr")
    ensure_campaign_review_workflow()
    collection_a = Collection.objects.get(name="Organisatie A")
    collection_b = Collection.objects.get(name="Organisation B")

    editor_b = UserFactory(username="editor-b")
    editor_b.groups.add(Group.objects.get(name="Organisation B editors"))
    editor_a = UserFactory(username="editor-a")
    editor_a.groups.add(Group.objects.get(name="Organisatie A editors"))
    campaign_editor = UserFactory(username="campaign-editor")
    campaign_editor.groups.add(ensure_campaign_groups()["editors"])

    image_a = _image("Beeld A", collection_a)
    document_a = _document("Document A", collection_a)
    published_document = _document("Folder A", collection_a)
    programme_a = make_programme(
        org_a,
        "Programma A",
        description=f'<p>Lees <a linktype="document" id="{published_document.pk}">de folder</a>.</p>',
    )
    image_b = _image("Zqxvwk image", collection_b, tag="zqxvwktag")
    document_b = _document("Zqxvwk document", collection_b, tag="zqxvwkdoctag")

    programme_b = make_programme(org_b, "Programme B", regions=["BE-WLG"])
    programme_b_nl = translate_instance(
        programme_b, "nl", {programme_b.title: "Programma B", programme_b.slug: "programma-b"}, strict=False
    )
    never_published = make_programme(
        org_b,
        "Zqxvwk jamais publié",
        publish=False,
        image=image_a,
        description=(
            f'<p><a linktype="page" id="{programme_a.pk}">A</a> '
            f'<a linktype="document" id="{document_a.pk}">document</a></p>'
        ),
    )
    _draft(org_b, editor_b, title="Organisation B Zqxvwk nouveau nom")
    _draft(programme_b_nl, editor_b, title="Programma B Zqxvwk concept")
    revision = _draft(programme_b, editor_b, title="Programme B Zqxvwk brouillon", summary="Zqxvwk résumé.")
    draft = revision.as_object()
    draft.get_workflow().start(draft, editor_b)
    Page.objects.filter(pk=programme_b.pk).update(locked=True, locked_by=editor_b, locked_at=timezone.now())

    folder_b = OrganisationStoriesPage.objects.get(
        organisation__translation_key=org_b.translation_key, locale=story_index.locale
    )
    story_b = make_story(folder_b, "Zqxvwk verhaal", programme=programme_b_nl, publish=False, portrait=image_b)
    workflow_state = WorkflowState.objects.get(object_id=str(programme_b.pk))
    return {
        "users": {"org_a": editor_a.pk, "campaign_editor": campaign_editor.pk},
        "pages": {
            "index": index.pk,
            "index_fr": in_locale(index, "fr").pk,
            "story_index": story_index.pk,
            "org_a": org_a.pk,
            "org_b": org_b.pk,
            "org_b_nl": in_locale(org_b, "nl").pk,
            "programme_a": programme_a.pk,
            "programme_b": programme_b.pk,
            "programme_b_nl": programme_b_nl.pk,
            "never_published": never_published.pk,
            "folder_b": folder_b.pk,
            "story_b": story_b.pk,
        },
        "images": {"a": image_a.pk, "b": image_b.pk},
        "documents": {"a": document_a.pk, "b": document_b.pk, "published": published_document.pk},
        "task_state": workflow_state.current_task_state.pk,
        "task": workflow_state.current_task_state.task_id,
        "workflow_state": workflow_state.pk,
        "revision": revision.pk,
        "translation": Translation.objects.get(source__object_id=programme_b.translation_key).pk,
        "collection_b": collection_b.pk,
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield _build_world()


@pytest.fixture
def w(world, db):
    return world


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


# The views ------------------------------------------------------------------------------------------------


def get(url_name, *keys, query=""):
    """GET a named URL whose arguments are keys of the world (pages, images, documents or other ids)."""

    def request(client, w):
        args = [_lookup(w, key) for key in keys]
        return client.get(reverse(url_name, args=args) + query)

    request.__name__ = url_name
    return request


def _lookup(w, key):
    """ "pages:org_b" → that page's id, "task" → w["task"]; any other word is passed as it is."""
    if ":" in key:
        kind, name = key.split(":")
        return w[kind][name]
    return w.get(key, key)


def get_query(url_name, make_query):
    def request(client, w):
        return client.get(reverse(url_name) + make_query(w))

    return request


def ids(kind, *names):
    return lambda w: "?" + "&".join(f"id={w[kind][name]}" for name in names)


def external_link(client, w):
    programme = Page.objects.get(pk=w["pages"]["programme_b_nl"])
    return client.post(
        reverse("wagtailadmin_choose_page_external_link"),
        {"external-link-chooser-url": programme.full_url, "external-link-chooser-link_text": ""},
    )


def story_with_another_organisations_programme(client, w):
    """A story form re-rendered with an error: its programme is organisation B's (live, with a draft title)."""
    from stories.tests.support import story_form

    parent = OrganisationStoriesPage.objects.get(
        organisation_id=w["pages"]["org_a"], locale__language_code="nl", alias_of__isnull=True
    )
    data = story_form(client, parent, ProgramPage.objects.get(pk=w["pages"]["programme_b_nl"]))
    data["action-draft"] = "action-draft"
    return client.post(reverse("wagtailadmin_pages:add", args=["stories", "storypage", parent.pk]), data)


def bulk(app_label, model_name, action, make_query):
    def request(client, w):
        url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
        return client.get(url + make_query(w))

    return request


PAGE_BULK_IDS = ids("pages", "programme_b", "never_published", "story_b")
API_PAGES = "?type=programs.ProgramPage&fields=admin_display_title"

# (view, request, whether the campaign editor's response shows the marker)
VIEWS = [
    # Page chooser
    ("chooser: browse organisation B", get("wagtailadmin_choose_page_child", "pages:org_b"), True),
    ("chooser: browse B in Dutch", get("wagtailadmin_choose_page_child", "pages:org_b_nl"), True),
    ("chooser: browse the overview", get("wagtailadmin_choose_page_child", "pages:index_fr"), True),
    ("chooser: browse B's story folder", get("wagtailadmin_choose_page_child", "pages:folder_b"), True),
    ("chooser: search a live title", get("wagtailadmin_choose_page_search", query="?q=Programme"), True),
    ("chooser: search an unpublished title", get("wagtailadmin_choose_page_search", query="?q=jamais"), True),
    ("chooser: search a story draft", get("wagtailadmin_choose_page_search", query="?q=verhaal"), True),
    (
        "chooser: chosen multiple",
        get_query(
            "wagtailadmin_choose_page_chosen_multiple", ids("pages", "programme_b", "never_published", "story_b")
        ),
        True,
    ),
    ("chooser: external link to B's public page", external_link, True),
    ("form re-rendered with B's programme", story_with_another_organisations_programme, True),
    # Explorer, search, reports, dashboard
    ("dashboard", get("wagtailadmin_home"), True),
    ("explorer: overview", get("wagtailadmin_explore", "pages:index_fr"), True),
    ("page search: live title", get("wagtailadmin_pages:search", query="?q=Programme"), True),
    ("page search: unpublished title", get("wagtailadmin_pages:search", query="?q=jamais"), True),
    ("pages of a type", get("wagtailadmin_pages:type_use", "programs", "programpage"), True),
    ("report: locked pages", get("wagtailadmin_reports:locked_pages"), True),
    ("report: workflows", get("wagtailadmin_reports:workflow"), True),
    ("report: workflow tasks", get("wagtailadmin_reports:workflow_tasks"), True),
    ("report: site history", get("wagtailadmin_reports:site_history"), True),
    ("report: aging pages", get("wagtailadmin_reports:aging_pages"), True),
    ("report: page types usage", get("wagtailadmin_reports:page_types_usage"), True),
    ("report: translations", get("wagtail_localize:translations_report"), True),
    # B's pages, workflow and revisions, by id
    (
        "workflow: cancellation confirmation",
        get("wagtailadmin_pages:confirm_workflow_cancellation", "pages:programme_b"),
        False,
    ),
    ("workflow: preview for a task", get("wagtailadmin_pages:workflow_preview", "pages:programme_b", "task"), True),
    (
        "workflow: history detail",
        get("wagtailadmin_pages:workflow_history_detail", "pages:programme_b", "workflow_state"),
        True,
    ),
    (
        "workflow: action data",
        get("wagtailadmin_pages:collect_workflow_action_data", "pages:programme_b", "approve", "task_state"),
        False,
    ),
    ("revision: unschedule", get("wagtailadmin_pages:revisions_unschedule", "pages:programme_b", "revision"), True),
    ("explorer: an unpublished page", get("wagtailadmin_explore", "pages:never_published"), True),
    ("translation editor: preview", get("wagtail_localize:preview_translation", "translation"), False),
    ("translation editor: PO file", get("wagtail_localize:download_pofile", "translation"), False),
    # Usage of A's own things, referred to by B's unpublished page
    ("usage of A's image", get("wagtailimages:image_usage", "images:a"), True),
    ("usage of A's document", get("wagtaildocs:document_usage", "documents:a"), True),
    ("usage of A's page", get("wagtailadmin_pages:usage", "pages:programme_a"), True),
    # Admin API
    (
        "API: pages",
        get("wagtailadmin_api:pages:listing", query="?type=programs.ProgramPage&fields=admin_display_title"),
        True,
    ),
    ("API: page search", get("wagtailadmin_api:pages:listing", query="?search=jamais"), True),
    ("API: images", get("wagtailadmin_api:images:listing"), True),
    ("API: an image of B", get("wagtailadmin_api:images:detail", "images:b"), True),
    ("API: documents", get("wagtailadmin_api:documents:listing"), True),
    ("API: a document of B", get("wagtailadmin_api:documents:detail", "documents:b"), True),
    # Bulk action confirmations
    ("bulk: delete pages", bulk("wagtailcore", "page", "delete", PAGE_BULK_IDS), True),
    ("bulk: publish pages", bulk("wagtailcore", "page", "publish", PAGE_BULK_IDS), True),
    ("bulk: unpublish pages", bulk("wagtailcore", "page", "unpublish", PAGE_BULK_IDS), True),
    ("bulk: move pages", bulk("wagtailcore", "page", "move", PAGE_BULK_IDS), True),
    (
        "bulk: delete all of B's programmes",
        bulk("wagtailcore", "page", "delete", lambda w: f"?id=all&childOf={w['pages']['org_b']}"),
        True,
    ),
    ("bulk: delete images", bulk("home", "campaignimage", "delete", ids("images", "b")), True),
    ("bulk: tag images", bulk("home", "campaignimage", "add_tags", ids("images", "b")), True),
    ("bulk: move images", bulk("home", "campaignimage", "add_to_collection", ids("images", "b")), True),
    ("bulk: delete documents", bulk("wagtaildocs", "document", "delete", ids("documents", "b")), True),
    ("bulk: tag documents", bulk("wagtaildocs", "document", "add_tags", ids("documents", "b")), True),
    ("bulk: move documents", bulk("wagtaildocs", "document", "add_to_collection", ids("documents", "b")), True),
    # Images, documents and their tags
    ("images", get("wagtailimages:index"), True),
    ("images: search", get("wagtailimages:index", query="?q=image"), True),
    ("image chooser", get("wagtailimages_chooser:choose"), True),
    ("image chooser: results", get("wagtailimages_chooser:choose_results", query="?q=image"), True),
    ("image chooser: chosen multiple", get_query("wagtailimages_chooser:chosen_multiple", ids("images", "b")), True),
    ("documents", get("wagtaildocs:index"), True),
    ("document chooser", get("wagtaildocs_chooser:choose"), True),
    (
        "document chooser: chosen multiple",
        get_query("wagtaildocs_chooser:chosen_multiple", ids("documents", "b")),
        True,
    ),
    ("tag suggestions", get("wagtailadmin_tag_autocomplete", query="?term=zq"), True),
    ("tag suggestions by model", get("wagtailadmin_tag_model_autocomplete", "taggit", "tag", query="?term=zq"), True),
]


@pytest.mark.parametrize("view, request_view, staff_sees", VIEWS, ids=[row[0] for row in VIEWS])
def test_organisation_editors_never_see_another_organisations_drafts_or_files(w, view, request_view, staff_sees):
    response = request_view(client_for(w, "org_a"), w)
    assert response.status_code < 500
    assert SECRET not in body(response).lower()


@pytest.mark.parametrize(
    "view, request_view",
    [(view, request_view) for view, request_view, staff_sees in VIEWS if staff_sees],
    ids=[row[0] for row in VIEWS if row[2]],
)
def test_the_campaign_editor_sees_them_in_the_same_views(w, view, request_view):
    response = request_view(client_for(w, "campaign_editor"), w)
    assert response.status_code < 500
    assert SECRET in body(response).lower()


def test_organisation_editors_still_see_live_titles_and_their_own_drafts(w):
    client = client_for(w, "org_a")
    browse = body(client.get(reverse("wagtailadmin_choose_page_child", args=[w["pages"]["org_b"]])))
    assert "Programme B" in browse  # public pages may be linked to, by their live title
    chosen = client.get(
        reverse("wagtailadmin_choose_page_chosen_multiple") + ids("pages", "programme_b", "programme_a")(w)
    ).json()
    assert sorted(page["adminTitle"] for page in chosen["result"]) == ["Programma A", "Programme B"]
    Page.objects.filter(pk=w["pages"]["programme_a"]).update(draft_title="Programma A, nieuwe titel")
    own = body(client.get(reverse("wagtailadmin_choose_page_child", args=[w["pages"]["org_a"]])))
    assert "Programma A, nieuwe titel" in own
    linked = external_link(client, w).json()
    assert linked["result"]["adminTitle"] == "Programma B" and linked["result"]["id"] == w["pages"]["programme_b_nl"]


def test_the_workflow_cancellation_confirmation_is_only_for_those_who_may_edit_the_page(w):
    url = reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[w["pages"]["programme_b"]])
    refused = client_for(w, "org_a").get(url)
    assert refused.status_code in (302, 403) and "Approval by campaign editors" not in body(refused)
    assert "Approval by campaign editors" in body(client_for(w, "campaign_editor").get(url))


# Documents by URL ----------------------------------------------------------------------------------------


def document_url(w, key):
    return get_document_model().objects.get(pk=w["documents"][key]).url


@pytest.mark.parametrize(
    "document, role, served",
    [
        ("b", None, False),  # nobody links to it
        ("b", "org_a", False),
        ("b", "campaign_editor", True),
        ("a", None, False),  # only an unpublished page links to it
        ("a", "org_a", True),
        ("published", None, True),  # a live page links to it
        ("published", "org_a", True),
    ],
)
def test_documents_are_public_once_a_published_page_links_to_them(w, document, role, served):
    client = client_for(w, role) if role else Client()
    response = client.get(document_url(w, document))
    assert response.status_code == (200 if served else 404)
    if served:
        assert body(response) == "buddy"


def test_unpublishing_the_page_takes_its_documents_offline(w):
    url = document_url(w, "published")
    assert Client().get(url).status_code == 200
    Page.objects.get(pk=w["pages"]["programme_a"]).specific.unpublish()
    assert Client().get(url).status_code == 404
