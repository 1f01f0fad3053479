"""The core security promise (README: Roles), as a table: role × action × target, through real admin URLs.

Requests to take part (participation/) are the strictest row: only the
receiving organisation's editors reach one; campaign staff and translators
see none.

Organisation A writes in Dutch (aliases in fr and en), organisation B in
French (a real Dutch translation, an English alias), so every locale and every
kind of page version is covered. An organisation editor of A may touch A's
subtree and A's collection only; every request at B's pages, images and
documents, at campaign pages, users, groups, settings and workflows is refused
(403, 404, or Wagtail's redirect to the dashboard with a "permission denied"
message) and leaves the object unchanged. The campaign editor and campaign
admin rows show the same URLs working for the people who should use them.

The world is built once per module inside a transaction that is rolled back
at the end; each case runs in its own savepoint.
"""

import io

import pytest
from PIL import Image as PILImage

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Workflow
from wagtail_localize.models import TranslationSource

from home.models import FAQPage, SiteSettings
from home.permissions import TRANSLATORS
from home.tests.admin_support import client_for, edit_form, make_home, rolled_back
from home.tests.factories import UserFactory
from home.translation import translate_instance
from participation.models import ParticipationRequest
from participation.tests.support import make_request
from programs.models import ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme

ALLOW, DENY = "allow", "deny"
HOME = reverse("wagtailadmin_home")


# The world ------------------------------------------------------------------------------------------


def _image(title, collection):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, collection=collection, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title}.png")
    )


def _document(title, collection):
    return get_document_model().objects.create(
        title=title, collection=collection, file=ContentFile(b"buddy", name=f"{title}.txt")
    )


def _translate(page, code):
    return translate_instance(
        page, code, {page.title: f"{page.title} ({code})", page.slug: f"{page.slug}-{code}"}, strict=False
    )


def _build_world():
    home = make_home()
    faq = home.add_child(instance=FAQPage(title="Veelgestelde vragen", slug="vragen"))
    faq.save_revision().publish()
    index = make_index(home)

    org_a = onboard_organisation("Organisatie A")
    org_b = onboard_organisation("Organisation B", source_locale="fr")
    prog_a = make_programme(org_a, "Programma A", regions=["BE-VAN"])
    draft_a = make_programme(org_a, "Concept A", publish=False)
    draft_b = make_programme(org_b, "Brouillon B", publish=False)
    prog_b = make_programme(org_b, "Programme B", regions=["BE-WLG"])
    _translate(prog_a, "fr")
    _translate(prog_b, "nl")

    groups = ensure_campaign_groups()
    users = {
        "org_a": UserFactory(username="editor-a"),
        "org_b": UserFactory(username="editor-b"),
        "campaign_editor": UserFactory(username="campaign-editor"),
        "campaign_admin": UserFactory(username="campaign-admin"),
        "translator": UserFactory(username="translator"),
    }
    users["org_a"].groups.add(Group.objects.get(name="Organisatie A editors"))
    users["org_b"].groups.add(Group.objects.get(name="Organisation B editors"))
    users["campaign_editor"].groups.add(groups["editors"])
    users["campaign_admin"].groups.add(groups["admins"])
    users["translator"].groups.add(groups[TRANSLATORS])

    collection_a = Collection.objects.get(name="Organisatie A")
    collection_b = Collection.objects.get(name="Organisation B")
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"contact_email": "info@campaign.example"})

    def versions(page):
        return {code: in_locale(page, code) for code in ("nl", "fr", "en")}

    pages = {}
    for prefix, page in (("A-org", org_a), ("A-prog", prog_a), ("B-org", org_b), ("B-prog", prog_b)):
        for code, version in versions(page).items():
            pages[f"{prefix}-{code}"] = version.pk
    pages["A-draft-nl"] = draft_a.pk
    pages["B-draft-fr"] = draft_b.pk
    pages["home-nl"] = home.pk
    pages["home-fr"] = in_locale(home, "fr").pk
    pages["faq-nl"] = faq.pk
    pages["index-nl"] = index.pk
    return {
        "pages": pages,
        "users": {role: user.pk for role, user in users.items()},
        "images": {"A": _image("beeld-a", collection_a).pk, "B": _image("image-b", collection_b).pk},
        "documents": {"A": _document("doc-a", collection_a).pk, "B": _document("doc-b", collection_b).pk},
        "groups": {"B": Group.objects.get(name="Organisation B editors").pk},
        "site": site.pk,
        "workflow": Workflow.objects.get(name="Campaign review").pk,
        "requests": {
            "A": make_request(prog_a, org_a, first_name="Amal", email="amal@example.org").pk,
            "B": make_request(prog_b, org_b, first_name="Bruno", email="bruno@example.org").pk,
        },
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield _build_world()


@pytest.fixture
def w(world, db):
    return world


def page(w, key):
    return Page.objects.get(pk=w["pages"][key]).specific


def refused(response):
    """403, 404, or Wagtail's permission-denied redirect to the dashboard."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and response.url == HOME


# Page actions: each returns (response, changed) where `changed` says whether the object changed. -----------


def _page_url(name, p, *extra):
    return reverse(name, args=[p.pk, *extra])


def get_view(name, *extra):
    def action(client, w, p):
        return client.get(_page_url(name, p, *extra)), None

    return action


def revisions_index(client, w, p):
    """The old revisions URL redirects to the history view, which does the permission check."""
    response = client.get(reverse("wagtailadmin_pages:revisions_index", args=[p.pk]))
    history = reverse("wagtailadmin_pages:history", args=[p.pk])
    if response.status_code == 302 and response.url == history:
        response = client.get(history)
    return response, None


def explore(client, w, p):
    return client.get(reverse("wagtailadmin_explore", args=[p.pk])), None


def revisions_view(client, w, p):
    return client.get(reverse("wagtailadmin_pages:revisions_view", args=[p.pk, p.latest_revision_id])), None


def revisions_compare(client, w, p):
    return client.get(reverse("wagtailadmin_pages:revisions_compare", args=[p.pk, "earliest", "latest"])), None


def revisions_revert(client, w, p):
    return client.get(reverse("wagtailadmin_pages:revisions_revert", args=[p.pk, p.latest_revision_id])), None


def add_subpage(client, w, p):
    return client.get(reverse("wagtailadmin_pages:add", args=["programs", "programpage", p.pk])), None


def _edit_post(client, p, publish):
    """Change the title through the edit form, as a browser would (or blindly, if the form is refused)."""
    url = reverse("wagtailadmin_pages:edit", args=[p.pk])
    form = client.get(url)
    if form.status_code == 200 and b'id="page-edit-form"' in form.content:
        data = edit_form(client, p)
    else:
        data = {"title": p.title, "slug": p.slug}
    data["title"] = "Changed by the matrix"
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)


def save_draft(client, w, p):
    response = _edit_post(client, p, publish=False)
    latest = Page.objects.get(pk=p.pk).get_latest_revision_as_object()
    return response, latest.title == "Changed by the matrix"


def publish(client, w, p):
    response = _edit_post(client, p, publish=True)
    after = Page.objects.get(pk=p.pk)
    return response, after.live and after.title == "Changed by the matrix" and not after.has_unpublished_changes


def unpublish(client, w, p):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[p.pk]), {})
    return response, not Page.objects.get(pk=p.pk).live


def delete(client, w, p):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[p.pk]), {})
    return response, not Page.objects.filter(pk=p.pk).exists()


def _other_organisation(w, p):
    """Where a move or copy would put the page: the other organisation, in the same locale."""
    own = p.get_parent()
    code = p.locale.language_code
    for key in (f"A-org-{code}", f"B-org-{code}"):
        candidate = page(w, key)
        if candidate.pk != own.pk:
            return candidate


def move(client, w, p):
    destination = _other_organisation(w, p)
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[p.pk, destination.pk]), {})
    return response, Page.objects.get(pk=p.pk).get_parent().pk == destination.pk


def move_choose(client, w, p):
    return client.get(reverse("wagtailadmin_pages:move", args=[p.pk])), None


def copy(client, w, p):
    destination = p.get_parent()
    before = ProgramPage.objects.count()
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[p.pk]),
        {"new_title": "Copied by the matrix", "new_slug": "copied-by-the-matrix", "new_parent_page": destination.pk},
    )
    return response, ProgramPage.objects.count() > before


def lock(client, w, p):
    response = client.post(reverse("wagtailadmin_pages:lock", args=[p.pk]), {})
    return response, Page.objects.get(pk=p.pk).locked


def locked_by_someone_else(w, p):
    Page.objects.filter(pk=p.pk).update(locked=True, locked_by_id=w["users"]["campaign_admin"])


def unlock(client, w, p):
    response = client.post(reverse("wagtailadmin_pages:unlock", args=[p.pk]), {})
    return response, not Page.objects.get(pk=p.pk).locked


def translate_form(client, w, p):
    return client.get(reverse("wagtail_localize:submit_page_translation", args=[p.pk])), None


def translate_submit(client, w, p):
    others = Page.objects.filter(translation_key=p.translation_key, alias_of__isnull=True).count()
    en = p.get_translations().get(locale__language_code="en")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[p.pk]), {"locales": [en.locale_id]}
    )
    return response, Page.objects.filter(translation_key=p.translation_key, alias_of__isnull=True).count() > others


def update_translations(client, w, p):
    source, _created = TranslationSource.get_or_create_from_instance(p)
    return client.get(reverse("wagtail_localize:update_translations", args=[source.pk])), None


def convert_alias(client, w, p):
    response = client.post(reverse("wagtailadmin_pages:convert_alias", args=[p.pk]), {})
    return response, Page.objects.get(pk=p.pk).alias_of_id is None


def convert_to_alias(client, w, p):
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[p.pk]), {})
    return response, Page.objects.get(pk=p.pk).alias_of_id is not None


def translation_save_draft(client, w, p):
    """The translation editor's "Save draft" (programs.translation_review): a new revision, nothing live."""
    before = p.latest_revision_id
    response = client.post(reverse("wagtailadmin_pages:edit", args=[p.pk]), {"translation-save-draft": "1"})
    after = Page.objects.get(pk=p.pk)
    return response, after.latest_revision_id != before and after.title == p.title


def translation_submit(client, w, p):
    """The translation editor's "Submit to Campaign review"."""
    response = client.post(reverse("wagtailadmin_pages:edit", args=[p.pk]), {"translation-submit": "1"})
    return response, Page.objects.get(pk=p.pk).workflow_in_progress


# Set-up done before the snapshot the refused cases compare with.
PREPARE = {"unlock": locked_by_someone_else}


def admin_api_detail(client, w, p):
    # follow: a 404 under /admin/ comes back as LocaleMiddleware's redirect to /nl/admin/..., itself a 404.
    return client.get(reverse("wagtailadmin_api:pages:detail", args=[p.pk]), follow=True), None


PAGE_ACTIONS = {
    "explore": explore,
    "admin API": admin_api_detail,
    "edit (GET)": get_view("wagtailadmin_pages:edit"),
    "edit (POST, save draft)": save_draft,
    "publish": publish,
    "unpublish": unpublish,
    "move (choose)": move_choose,
    "move (confirm)": move,
    "copy": copy,
    "delete (GET)": get_view("wagtailadmin_pages:delete"),
    "delete (POST)": delete,
    "add child": add_subpage,
    "view draft": get_view("wagtailadmin_pages:view_draft"),
    "preview": get_view("wagtailadmin_pages:preview_on_edit"),
    "history": get_view("wagtailadmin_pages:history"),
    "revisions index": revisions_index,
    "revision view": revisions_view,
    "revision compare": revisions_compare,
    "revision revert": revisions_revert,
    "workflow history": get_view("wagtailadmin_pages:workflow_history"),
    "usage": get_view("wagtailadmin_pages:usage"),
    "lock": lock,
    "unlock": unlock,
    "translate (form)": translate_form,
    "translate (submit)": translate_submit,
    "update translations": update_translations,
    "convert alias": convert_alias,
    "convert to alias": convert_to_alias,
    "translation: save draft": translation_save_draft,
    "translation: submit for review": translation_submit,
}

# Which page versions an action applies to.
ALIASES = {"A-org-fr", "A-org-en", "A-prog-en", "B-org-nl", "B-org-en", "B-prog-en", "home-fr"}
TRANSLATIONS = {"A-prog-fr", "B-prog-nl"}
PROGRAMMES = {"A-prog-nl", "A-prog-fr", "A-prog-en", "A-draft-nl", "B-prog-fr", "B-prog-nl", "B-prog-en", "B-draft-fr"}
ORGANISATIONS = {"A-org-nl", "A-org-fr", "A-org-en", "B-org-fr", "B-org-nl", "B-org-en"}
WITH_REVISIONS_EXCLUDED = ALIASES

APPLIES = {
    "edit (POST, save draft)": lambda t: t not in ALIASES,
    "publish": lambda t: t not in ALIASES,
    "unpublish": lambda t: t not in {"A-draft-nl", "B-draft-fr"},
    "move (confirm)": lambda t: t in PROGRAMMES,
    "copy": lambda t: t in PROGRAMMES,
    "delete (POST)": lambda t: t in PROGRAMMES,
    "add child": lambda t: t in ORGANISATIONS,
    "revision view": lambda t: t not in WITH_REVISIONS_EXCLUDED,
    "revision compare": lambda t: t not in WITH_REVISIONS_EXCLUDED,
    "revision revert": lambda t: t not in WITH_REVISIONS_EXCLUDED,
    "translate (form)": lambda t: t not in ALIASES and t not in TRANSLATIONS,
    "translate (submit)": lambda t: t in {"B-prog-fr"},
    "update translations": lambda t: t in {"A-prog-nl", "B-prog-fr"},
    "convert alias": lambda t: t in ALIASES,
    "convert to alias": lambda t: t in TRANSLATIONS,
    "translation: save draft": lambda t: t in TRANSLATIONS,
    "translation: submit for review": lambda t: t in TRANSLATIONS,
}

# Organisation A's editor may do everything with A's own pages except what needs publish permission:
# publishing, unpublishing, and moving or deleting live pages (Wagtail treats moving as delete-and-add).
OWN_LIVE_DENIED = {"publish", "unpublish", "move (choose)", "move (confirm)", "delete (GET)", "delete (POST)"}
# A draft may be moved and deleted, but not published, and not moved into organisation B.
OWN_DRAFT_DENIED = {"publish", "move (confirm)"}
# The translation editor replaces the edit form of a translation, and StreamFields (the FAQ) are built by
# JavaScript: reading the HTML form cannot reproduce what a browser posts there.
NOT_BY_FORM = {(action, t) for action in ("edit (POST, save draft)", "publish") for t in TRANSLATIONS | {"faq-nl"}}
# Campaign editors have no bulk delete: organisations with programmes are deleted by campaign admins.
CAMPAIGN_EDITOR_DENIED = {("delete (GET)", t) for t in ORGANISATIONS}

A_OWN = ["A-org-nl", "A-org-fr", "A-org-en", "A-prog-nl", "A-prog-fr", "A-prog-en", "A-draft-nl"]
B_ALL = ["B-org-fr", "B-org-nl", "B-org-en", "B-prog-fr", "B-prog-nl", "B-prog-en", "B-draft-fr"]
CAMPAIGN = ["home-nl", "home-fr", "faq-nl"]


def _page_rows():
    rows = []
    for action in PAGE_ACTIONS:
        applies = APPLIES.get(action, lambda t: True)
        for target in A_OWN + B_ALL + CAMPAIGN:
            if not applies(target):
                continue
            if target in A_OWN:
                if (action, target) in NOT_BY_FORM:
                    continue  # an "allow" row that cannot be driven by a form post
                denied = OWN_DRAFT_DENIED if target == "A-draft-nl" else OWN_LIVE_DENIED
                rows.append(("org_a", action, target, DENY if action in denied else ALLOW))
            elif target.startswith("home-") and action in ("explore", "admin API"):
                continue  # A browses through the home pages above its own (see the explorer test below)
            else:
                rows.append(("org_a", action, target, DENY))
    # Campaign staff: every kind of page version (source, translation, alias) and a campaign page.
    staff_targets = {
        "campaign_editor": ["B-org-fr", "B-org-nl", "B-prog-fr", "B-prog-nl", "B-prog-en", "faq-nl"],
        "campaign_admin": ["B-org-fr", "B-prog-fr", "B-prog-en", "faq-nl"],
    }
    for role, targets in staff_targets.items():
        for action in PAGE_ACTIONS:
            applies = APPLIES.get(action, lambda t: True)
            for target in targets:
                if not applies(target) or (action, target) in NOT_BY_FORM:
                    continue
                denied = role == "campaign_editor" and (action, target) in CAMPAIGN_EDITOR_DENIED
                rows.append((role, action, target, DENY if denied else ALLOW))
    return rows


def _success(response):
    return response.status_code in (200, 302) and not refused(response)


@pytest.mark.parametrize("role, action, target, expected", _page_rows())
def test_page_permissions(w, role, action, target, expected):
    if action in PREPARE:
        PREPARE[action](w, page(w, target))
    p = page(w, target)
    snapshot = (p.title, p.live, p.locked, p.get_parent().pk, p.alias_of_id, p.latest_revision_id)
    client = client_for(w, role)

    response, changed = PAGE_ACTIONS[action](client, w, p)

    assert response.status_code != 500
    if expected == ALLOW:
        assert _success(response), (response.status_code, getattr(response, "url", ""))
        assert changed in (None, True)
    else:
        if action != "publish" or not target.startswith("A-"):
            # Publishing one's own page is not refused: the edit view saves a draft instead (checked below).
            assert refused(response), (response.status_code, getattr(response, "url", ""))
        assert changed in (None, False)
        if Page.objects.filter(pk=p.pk).exists():
            after = Page.objects.get(pk=p.pk)
            if action == "publish" and target.startswith("A-"):
                # The edit was kept as a draft; nothing went live.
                assert after.live == snapshot[1] and (not after.live or after.title == snapshot[0])
            else:
                assert (
                    after.title,
                    after.live,
                    after.locked,
                    after.get_parent().pk,
                    after.alias_of_id,
                    after.latest_revision_id,
                ) == snapshot
        else:
            pytest.fail("a refused request deleted the page")


def test_the_explorer_shows_organisation_a_only_its_own_branch(w):
    client = client_for(w, "org_a")
    home = client.get(reverse("wagtailadmin_explore", args=[w["pages"]["home-nl"]]))
    assert home.status_code == 200
    assert "Veelgestelde vragen" not in home.content.decode()  # campaign pages are not listed
    index = client.get(reverse("wagtailadmin_explore", args=[w["pages"]["index-nl"]])).content.decode()
    assert "Organisatie A" in index and "Organisation B" not in index
    search = client.get(reverse("wagtailadmin_pages:search") + "?q=Programme").content.decode()
    assert "Programme B" not in search
    staff_search = client_for(w, "campaign_editor").get(reverse("wagtailadmin_pages:search") + "?q=Programme")
    assert "Programme B" in staff_search.content.decode()  # the search itself works
    api = client.get(reverse("wagtailadmin_api:pages:listing") + f"?child_of={w['pages']['index-nl']}").json()
    assert [item["title"] for item in api["items"]] == ["Organisatie A"]


# Images and documents -----------------------------------------------------------------------------------------


def image_edit_get(client, w, owner):
    return client.get(reverse("wagtailimages:edit", args=[w["images"][owner]])), None


def image_edit_post(client, w, owner):
    pk = w["images"][owner]
    image = get_image_model().objects.get(pk=pk)
    response = client.post(
        reverse("wagtailimages:edit", args=[pk]),
        {"title": "Changed by the matrix", "collection": image.collection_id, "tags": "", "credit": ""},
    )
    return response, get_image_model().objects.get(pk=pk).title == "Changed by the matrix"


def image_delete(client, w, owner):
    pk = w["images"][owner]
    response = client.post(reverse("wagtailimages:delete", args=[pk]), {})
    return response, not get_image_model().objects.filter(pk=pk).exists()


def image_chosen(client, w, owner):
    return client.get(reverse("wagtailimages_chooser:chosen", args=[w["images"][owner]])), None


def document_edit_get(client, w, owner):
    return client.get(reverse("wagtaildocs:edit", args=[w["documents"][owner]])), None


def document_edit_post(client, w, owner):
    pk = w["documents"][owner]
    document = get_document_model().objects.get(pk=pk)
    response = client.post(
        reverse("wagtaildocs:edit", args=[pk]),
        {"title": "Changed by the matrix", "collection": document.collection_id, "tags": ""},
    )
    return response, get_document_model().objects.get(pk=pk).title == "Changed by the matrix"


def document_delete(client, w, owner):
    pk = w["documents"][owner]
    response = client.post(reverse("wagtaildocs:delete", args=[pk]), {})
    return response, not get_document_model().objects.filter(pk=pk).exists()


def document_chosen(client, w, owner):
    return client.get(reverse("wagtaildocs_chooser:chosen", args=[w["documents"][owner]])), None


MEDIA_ACTIONS = {
    "image edit (GET)": image_edit_get,
    "image edit (POST)": image_edit_post,
    "image delete": image_delete,
    "image choose": image_chosen,
    "document edit (GET)": document_edit_get,
    "document edit (POST)": document_edit_post,
    "document delete": document_delete,
    "document choose": document_chosen,
}

MEDIA_ROWS = [
    (role, action, owner, expected)
    for action in MEDIA_ACTIONS
    for role, owner, expected in (
        ("org_a", "A", ALLOW),
        ("org_a", "B", DENY),
        ("campaign_editor", "B", ALLOW),
        ("campaign_admin", "B", ALLOW),
    )
]


@pytest.mark.parametrize("role, action, owner, expected", MEDIA_ROWS)
def test_image_and_document_permissions(w, role, action, owner, expected):
    response, changed = MEDIA_ACTIONS[action](client_for(w, role), w, owner)
    assert response.status_code != 500
    if expected == ALLOW:
        assert _success(response), response.status_code
        assert changed in (None, True)
    else:
        assert refused(response), response.status_code
        assert changed in (None, False)
        kind = "images" if action.startswith("image") else "documents"
        model = get_image_model() if kind == "images" else get_document_model()
        assert model.objects.filter(pk=w[kind][owner], title__in=["image-b", "doc-b"]).exists()


def test_the_page_chooser_hides_other_organisations_drafts(w):
    html = client_for(w, "org_a").get(reverse("wagtailadmin_choose_page_child", args=[w["pages"]["B-org-fr"]]))
    assert "Programme B" in html.content.decode()  # public pages may be linked to
    assert "Brouillon B" not in html.content.decode()
    search = client_for(w, "org_a").get(reverse("wagtailadmin_choose_page_search") + "?q=Brouillon")
    assert "Brouillon B" not in search.content.decode()
    own = client_for(w, "org_a").get(reverse("wagtailadmin_choose_page_child", args=[w["pages"]["A-org-nl"]]))
    assert "Concept A" in own.content.decode()
    staff = client_for(w, "campaign_editor").get(
        reverse("wagtailadmin_choose_page_child", args=[w["pages"]["B-org-fr"]])
    )
    assert "Brouillon B" in staff.content.decode()


def test_organisation_editors_can_choose_municipalities(w):
    response = client_for(w, "org_a").get(reverse("municipality_chooser:choose") + "?q=Gent")
    assert response.status_code == 200 and "Gent" in response.content.decode()


def test_choosers_and_libraries_list_only_the_organisations_own_media(w):
    client = client_for(w, "org_a")
    for url in (reverse("wagtailimages_chooser:choose"), reverse("wagtailimages:index")):
        html = client.get(url).content.decode()
        assert "beeld-a" in html and "image-b" not in html, url
    for url in (reverse("wagtaildocs_chooser:choose"), reverse("wagtaildocs:index")):
        html = client.get(url).content.decode()
        assert "doc-a" in html and "doc-b" not in html, url


def test_organisation_a_cannot_upload_into_bs_collection(w):
    client = client_for(w, "org_a")
    collection_b = get_image_model().objects.get(pk=w["images"]["B"]).collection_id
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, "PNG")
    upload = ContentFile(buffer.getvalue(), name="sneaky.png")
    before = get_image_model().objects.filter(collection_id=collection_b).count()
    client.post(reverse("wagtailimages:add"), {"title": "sneaky", "collection": collection_b, "file": upload})
    assert get_image_model().objects.filter(collection_id=collection_b).count() == before


# Users, groups, settings, workflows ---------------------------------------------------------------------------


def users_index(client, w):
    return client.get(reverse("wagtailusers_users:index")), None


def user_edit(client, w):
    from django.contrib.auth import get_user_model

    pk = w["users"]["org_b"]
    response = client.post(
        reverse("wagtailusers_users:edit", args=[pk]),
        {"username": "editor-b", "email": "hijacked@example.org", "first_name": "B", "last_name": "B"},
    )
    return response, get_user_model().objects.get(pk=pk).email == "hijacked@example.org"


def groups_index(client, w):
    return client.get(reverse("wagtailusers_groups:index")), None


def group_edit(client, w):
    return client.get(reverse("wagtailusers_groups:edit", args=[w["groups"]["B"]])), None


def settings_edit(client, w):
    return client.get(reverse("wagtailsettings:edit", args=["home", "sitesettings", w["site"]])), None


def settings_post(client, w):
    response = client.post(
        reverse("wagtailsettings:edit", args=["home", "sitesettings", w["site"]]),
        {"contact_email": "hijacked@example.org", "contact_phone": "", "organisation_name": "Hijacked"},
    )
    return response, SiteSettings.objects.get(site_id=w["site"]).contact_email == "hijacked@example.org"


def workflows_index(client, w):
    return client.get(reverse("wagtailadmin_workflows:index")), None


def workflow_disable(client, w):
    response = client.post(reverse("wagtailadmin_workflows:disable", args=[w["workflow"]]), {})
    return response, not Workflow.objects.get(pk=w["workflow"]).active


def collections_index(client, w):
    return client.get(reverse("wagtailadmin_collections:index")), None


ADMIN_ACTIONS = {
    "users": users_index,
    "edit another user": user_edit,
    "groups": groups_index,
    "edit organisation B's group": group_edit,
    "site settings": settings_edit,
    "change site settings": settings_post,
    "workflows": workflows_index,
    "disable the review workflow": workflow_disable,
    "collections": collections_index,
}

ADMIN_ROWS = [("org_a", action, DENY) for action in ADMIN_ACTIONS]
ADMIN_ROWS += [("campaign_editor", action, DENY) for action in ADMIN_ACTIONS]
ADMIN_ROWS += [
    ("campaign_admin", action, ALLOW)
    for action in ("users", "groups", "edit organisation B's group", "site settings", "workflows", "collections")
]


@pytest.mark.parametrize("role, action, expected", ADMIN_ROWS)
def test_admin_areas(w, role, action, expected):
    response, changed = ADMIN_ACTIONS[action](client_for(w, role), w)
    assert response.status_code != 500
    if expected == ALLOW:
        assert response.status_code == 200
    else:
        assert refused(response), response.status_code
        assert changed in (None, False)


def test_the_translations_report_lists_only_organisation_as_own_pages(w):
    html = client_for(w, "org_a").get(reverse("wagtail_localize:translations_report")).content.decode()
    assert "Programma A" in html and "Programme B" not in html
    html = client_for(w, "campaign_editor").get(reverse("wagtail_localize:translations_report")).content.decode()
    assert "Programma A" in html and "Programme B" in html


# Requests to take part (participation/): only the receiving organisation's editors, nobody else at all. ------


def _request_text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig")


def request_list(client, w, owner):
    response = client.get(reverse("participation_requests:index"))
    return response, response.status_code == 200 and _PERSONAL[owner] in _request_text(response)


def request_open(client, w, owner):
    response = client.get(reverse("participation_requests:edit", args=[w["requests"][owner]]))
    return response, response.status_code == 200 and _PERSONAL[owner] in _request_text(response)


def request_change(client, w, owner):
    pk = w["requests"][owner]
    response = client.post(reverse("participation_requests:edit", args=[pk]), {"status": "closed", "note": "matrix"})
    return response, ParticipationRequest.objects.get(pk=pk).status == "closed"


def request_export(client, w, owner):
    response = client.get(reverse("participation_requests:index") + "?export=csv")
    return response, response.status_code == 200 and _PERSONAL[owner] in _request_text(response)


def request_erase(client, w, owner):
    pk = w["requests"][owner]
    response = client.post(reverse("participation_requests:delete", args=[pk]))
    return response, not ParticipationRequest.objects.filter(pk=pk).exists()


_PERSONAL = {"A": "Amal", "B": "Bruno"}  # first names: the list shows them, the export and the request too
REQUEST_ACTIONS = {
    "list": request_list,
    "open": request_open,
    "change": request_change,
    "export": request_export,
    "erase": request_erase,
}
REQUEST_ROLES = ["org_a", "org_b", "translator", "campaign_editor", "campaign_admin"]
REQUEST_ROWS = [
    (role, action, owner, ALLOW if (role, owner) in {("org_a", "A"), ("org_b", "B")} else DENY)
    for role in REQUEST_ROLES
    for action in REQUEST_ACTIONS
    for owner in ("A", "B")
]


@pytest.mark.parametrize("role, action, owner, expected", REQUEST_ROWS)
def test_request_permissions(w, role, action, owner, expected):
    client = client_for(w, role)
    response, reached = REQUEST_ACTIONS[action](client, w, owner)
    assert response.status_code != 500
    assert reached is (expected == ALLOW)
    if expected == DENY and action in ("open", "change", "erase"):
        assert refused(response), response.status_code
    if expected == DENY:
        assert ParticipationRequest.objects.get(pk=w["requests"][owner]).status == "new"


def test_request_figures_are_for_campaign_staff_only(w):
    url = reverse("participation_figures")
    for role in ("campaign_editor", "campaign_admin"):
        response = client_for(w, role).get(url)
        assert response.status_code == 200, role
        assert "amal@example.org" not in response.content.decode()
    for role in ("org_a", "org_b", "translator"):
        assert refused(client_for(w, role).get(url)), role
