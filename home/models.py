"""Campaign pages (home, standard, FAQ), the image model, site settings, and the records roles rest on."""

import io
import os

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.http import Http404
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import AbstractGroupApprovalTask, Page, PageViewRestriction
from wagtail.search import index
from wagtail.utils.file import hash_filelike
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import chrome, locales
from home.blocks import BaseStreamBlock, FAQSectionBlock
from home.image_metadata import strip_metadata
from home.page_forms import CampaignPageForm
from home.roles import CampaignRights, OrganisationGroup  # noqa: F401  (home's models too: see home/roles.py)
from search.text import plain_text

META_DESCRIPTION_LENGTH = 160  # what search engines show of a description


class CampaignImage(AbstractImage):
    """Wagtail's image with a credit line, which the public site always shows."""

    credit = models.CharField(
        _("credit line"),
        max_length=255,
        blank=True,
        help_text=_('Who made the picture, for example "© UNHCR/Studio COSMO".'),
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)

    # The file name as stored in the database, and the last one checked for metadata: a file that is
    # neither is new, whichever way it came, and is stripped on save. Uploads through the image forms
    # arrive clean (home/image_validation.py refuses what it cannot clean); this catches every other path.
    _stored_file_name = None
    _checked_file_name = None

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        image._stored_file_name = image.__dict__.get("file")
        return image

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        new_file = (update_fields is None or "file" in update_fields) and self.file.name not in (
            self._stored_file_name,
            self._checked_file_name,
        )
        with transaction.atomic():  # a replaced file is deleted only once the new name is committed
            if self.file and new_file and self.remove_identifying_metadata() and update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "file_size", "file_hash"}
            super().save(*args, **kwargs)
        self._stored_file_name = self.file.name

    def remove_identifying_metadata(self):
        """Replace the file by a copy without location and other identifying metadata (home/image_metadata.py).

        True if the file had any. A file already in storage is written anew beside the old one, which
        is deleted once the new name is committed; renditions are left as they are (the same picture).
        """
        with self.open_file() as f:
            stripped = strip_metadata(f.read())
        if stripped is not None:
            name = os.path.basename(self.file.name)
            if self.file._committed:
                replaced, storage = self.file.name, self.file.storage
                self.file.save(name, ContentFile(stripped), save=False)
                transaction.on_commit(lambda: storage.delete(replaced))
            else:
                self.file = ContentFile(stripped, name=name)
            self.file_size = len(stripped)
            self.file_hash = hash_filelike(io.BytesIO(stripped))
        self._checked_file_name = self.file.name
        return stripped is not None


class CampaignRendition(AbstractRendition):
    image = models.ForeignKey(CampaignImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def alt_text(image, own_text=""):
    """A page's own alt text for `image` (translated with the page), or else the image's shared description."""
    if image is None:
        return ""
    return own_text or image.default_alt_text


class SocialFieldsMixin(models.Model):
    """Fields for search engines and link previews, shared by every public page."""

    social_image = models.ForeignKey(
        "home.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared; defaults to the page's main image."),
    )
    social_image_alt_text = models.CharField(
        _("social media image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the social media image shows, for people who cannot see it; translated with the page. Leave "
            "empty to use the image's own description."
        ),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image"), FieldPanel("social_image_alt_text")]

    class Meta:
        abstract = True

    def get_main_image(self):
        """The page's own picture (hero, portrait, logo), shared when no social image is chosen."""
        return None

    def get_main_image_alt_text(self):
        """The alt text of `get_main_image()` in this page's language."""
        return alt_text(self.get_main_image())

    def get_social_image(self):
        return self.social_image or self.get_main_image()

    def get_social_image_alt_text(self):
        """The page's own alt text for its social image, in its language, or else the shared image's description."""
        if self.social_image:
            return alt_text(self.social_image, self.social_image_alt_text)
        return self.get_main_image_alt_text()

    # The fields a page's meta description falls back on, in order, when an editor leaves it empty.
    meta_description_fields = ("summary", "introduction", "hero_text", "pull_quote", "description")

    def get_meta_description(self):
        """The editor's "search description" (Promote tab), else the page's own summary or intro, shortened."""
        if self.search_description:
            return self.search_description
        for name in self.meta_description_fields:
            value = getattr(self, name, None)
            text = plain_text(str(value)) if value else ""
            if text:
                return Truncator(text).chars(META_DESCRIPTION_LENGTH)
        return ""


# Page fields every page type translates (title, slug, SEO, social image alt text) or keeps in step (social image).
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
    SynchronizedField("social_image"),
    TranslatableField("social_image_alt_text"),
]


class BasePage(SocialFieldsMixin, Page):
    translatable_fields = PAGE_TRANSLATABLE_FIELDS
    base_form_class = CampaignPageForm

    objects = locales.LocalisedPageManager()  # `sources()`, `with_text_language()` (home/locales.py)

    class Meta:
        abstract = True

    def live_translations(self):
        """This page's live translations, itself included, with their locales: read once per page object."""
        if not hasattr(self, "_live_translations"):
            self._live_translations = list(self.get_translations(inclusive=True).live().select_related("locale"))
        return self._live_translations

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors; none without a query when no page is private."""
        if not chrome.any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_content_language(self):
        """The language the visible text is written in (an alias shows its source's text)."""
        source = self.alias_of if self.alias_of_id else self
        if "locale" in source._state.fields_cache:
            return source.locale.language_code
        return chrome.language_code(source.locale_id)

    def get_json_ld(self, request=None):
        """schema.org data for this page as a dict, or None (home/structured_data.py)."""
        return None


class HomePage(BasePage):
    hero_image = models.ForeignKey(
        "home.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt_text = models.CharField(
        _("hero image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it; translated with the page. Leave empty to use "
            "the image's own description."
        ),
    )
    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_text = models.TextField(_("campaign message"), max_length=500)
    find_programme_text = models.CharField(_('"find a programme" button'), max_length=60, blank=True)
    become_buddy_text = models.CharField(_('"become a buddy" button'), max_length=60, blank=True)
    become_buddy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_('"become a buddy" page'),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt_text"),
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("find_programme_text"),
                FieldPanel("become_buddy_text"),
                FieldPanel("become_buddy_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt_text"),
        TranslatableField("hero_heading"),
        TranslatableField("hero_text"),
        TranslatableField("find_programme_text"),
        TranslatableField("become_buddy_text"),
        SynchronizedField("become_buddy_page"),
        TranslatableField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "home.FAQPage", "programs.ProgramIndexPage", "stories.StoryIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_main_image(self):
        return self.hero_image

    @property
    def hero_alt_text(self):
        """The hero's alt text in this page's language, or the image's description when none is given."""
        return alt_text(self.hero_image, self.hero_image_alt_text)

    def get_main_image_alt_text(self):
        return self.hero_alt_text

    def route(self, request, path_components):
        """Find the page at `path_components` with one query for every page along the path.

        Wagtail's own routing asks for one child per level and then its specific page (two queries per
        level: six for a programme). Here the pages along the path come in one query by their `url_path`
        (within this home page's tree), then the deepest one's specific page; a page that routes its own
        sub-paths (RoutablePageMixin: the story index's feed) is handed the rest of the path, as Wagtail
        would. The pages passed on the way are kept for the breadcrumbs (`route_ancestors`).
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = [f"{self.url_path}{'/'.join(path_components[:n])}/" for n in range(1, len(path_components) + 1)]
        along = {
            page.depth: page
            # `slug` narrows by its index first: url_path has none, and 100,000 pages make a full scan slow.
            for page in Page.objects.filter(
                slug__in=set(path_components), url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth
            )
        }
        passed, node = [], self
        for depth in range(self.depth + 1, self.depth + len(path_components) + 1):
            if depth not in along:
                break
            passed.append(node)
            node = along[depth]
            if getattr(node.specific_class, "route", None) is not Page.route:  # it routes its own sub-paths
                break
        if node is self:
            raise Http404
        specific = node.specific
        specific._cached_parent_obj = passed[-1]
        specific.route_ancestors = passed
        return specific.route(request, path_components[node.depth - self.depth :])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_campaign_context())
        # {"pk", "title", "url"}: the same overview the menu leads to, kept with the site's chrome.
        context["programme_index"] = chrome.site_chrome(request)["overview"]
        return context

    def get_campaign_context(self):
        """The questions the home page teases; the programmes' figures and the stories come from their apps'
        template tags (`{% programme_key_figures page %}`, `{% featured_stories page %}`)."""
        context = {"faq_teasers": []}
        faq = FAQPage.objects.live().filter(locale_id=self.locale_id).first()
        if faq:
            context["faq_page"] = faq
            context["faq_teasers"] = faq.questions()[:4]
        return context


class StandardPage(BasePage):
    introduction = models.TextField(_("introduction"), max_length=500, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction"), TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class FAQPage(BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    sections = StreamField(
        [("section", FAQSectionBlock())],
        blank=True,
        verbose_name=_("sections"),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("sections")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("sections"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction"), TranslatableField("sections")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ page")

    def grouped_questions(self):
        """Sections with their questions, each question with a stable, readable anchor."""
        used = set()
        grouped = []
        for section in self.sections:
            items = []
            for position, question in enumerate(section.value["questions"]):
                anchor = slugify(question["question"])[:60].strip("-") or f"q-{section.id[:8]}-{position}"
                base, n = anchor, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
                items.append({"anchor": anchor, "question": question["question"], "answer": question["answer"]})
            grouped.append({"title": section.value["title"], "anchor": slugify(section.value["title"]), "items": items})
        return grouped

    def questions(self):
        return [item for section in self.grouped_questions() for item in section["items"]]

    def get_json_ld(self, request=None):
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": self.locale.language_code,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": item["question"],
                    "acceptedAnswer": {"@type": "Answer", "text": plain_text(str(item["answer"]))},
                }
                for item in self.questions()
            ],
        }


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and links in the footer. Pages are shown in the visitor's language."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    organisation_name = models.CharField(
        _("publisher"), max_length=120, blank=True, help_text=_("Who runs the campaign, shown in the footer.")
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy statement page"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement page"),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("privacy_page"), FieldPanel("accessibility_page")], heading=_("Statements")),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]


class PublicationCheckedApprovalTask(AbstractGroupApprovalTask):
    """Approval by a group that asks the page whether it may be published, and sends the reviewer to the reason.

    Wagtail's workflow action view (the dashboard's "Approve", the approve
    modal) shows any refusal raised while approving as its generic "no
    permission" message. So before approving, this task asks the page class:
    a class that declares `refused_approval_url(task_state)` answers with the
    URL of a page that names what is missing (or None to let the approval
    through); nothing changes and the task stays in progress. For any other
    page it is Wagtail's group approval. An app makes it concrete (stories:
    `StoryApprovalTask`, whose stories answer with their consent).
    """

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page_class = getattr(task_state.workflow_state.content_object, "specific_class", None)
            refused = getattr(page_class, "refused_approval_url", None)
            url = refused(task_state) if refused is not None else None
            if url:
                return url
        return super().on_action(task_state, user, action_name, **kwargs)

    class Meta:
        abstract = True
