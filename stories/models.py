"""Stories of duos: testimonials with recorded consent.

Page tree, one per locale::

    StoryIndexPage                 /nl/verhalen/          (the list, its filters and its Atom feed)
    ├── StoryPage …                a story the campaign tells itself
    └── OrganisationStoriesPage    /nl/verhalen/<org>/    one folder per organisation (made for you)
        └── StoryPage …            stories about that organisation's programmes

Who may write. Wagtail's page permissions are tree-based, so each organisation
gets its own folder under the story index, and its editors' group gets add and
change permission (never publish) on that folder in every locale. That gives,
with Wagtail's own rules and no special cases:

- organisation editors draft stories in their folder only, and only about
  their own programmes (the programme list of the form is limited to the
  folder's organisation, and `clean()` refuses any other programme);
- they can edit their colleagues' drafts but never see another
  organisation's folder, drafts or revisions (explorer, search, history);
- they cannot publish: the "Campaign review" workflow (programs/workflow.py)
  is assigned to every story index, so they submit and campaign editors
  approve, as for programmes;
- campaign editors write anywhere under the index and publish.

Folders are created and permissions granted by `stories.permissions`, as
soon as an organisation's group gets its page permissions (onboarding) or a
story index is created.

Consent. A story may only be published with a recorded, unexpired consent
(`stories.consent`). The check runs on every publish path: the page form (a
clear field error), Wagtail's `before_publish_page` hook (create and edit
views) and `StoryPage.publish` (workflow approval, scheduled and bulk
publishing, translations). Approval goes through `StoryApprovalTask`, which
refuses with the same clear message instead of Wagtail's generic "no
permission" one; bulk publishing is refused by a `before_bulk_action` hook.
The page's `expire_at` is set from the consent's expiry, so Wagtail's
`publish_scheduled` command unpublishes the story, in every locale, when
consent ends.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import locales
from home.blocks import BaseStreamBlock
from home.links import absolute_url
from home.models import PAGE_TRANSLATABLE_FIELDS, BasePage, PublicationCheckedApprovalTask, alt_text
from programs.models import OrganisationPage, ProgramPage
from stories import consent
from stories.forms import StoryPageForm

STORIES_PER_PAGE = 12
FEED_LENGTH = 20


class KeepChildCountMixin:
    """Save with the child count from the database, never a stale one held in memory.

    Folders are added under these pages by signals while a caller may still
    hold (and later publish) an older copy of the page; treebeard counts
    children in the database, so the saved row must not overwrite that count.
    """

    def save(self, *args, **kwargs):
        if self.pk:
            stored = Page.objects.filter(pk=self.pk).values_list("numchild", flat=True).first()
            if stored is not None:
                self.numchild = stored
        return super().save(*args, **kwargs)


class StoryIndexPage(KeepChildCountMixin, RoutablePageMixin, BasePage):
    """The list of stories of one locale, filterable by theme, region and programme, with an Atom feed."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage", "stories.OrganisationStoriesPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        """Live stories of this locale, newest first."""
        return StoryPage.objects.live().descendant_of(self).order_by("-date", "-first_published_at", "-pk")

    @path("")
    def index_route(self, request):
        from stories.filters import filter_stories

        listing = filter_stories(self, request.GET)
        return self.render(request, context_overrides={"listing": listing})

    @path("feed/", name="feed")
    def feed(self, request):
        from stories.feeds import StoryFeed

        return StoryFeed(self)(request)

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_cached_paths(self):
        """The list and its feed: both change when a story is published (home/cache_purge.py)."""
        return ["/", "/" + self.reverse_subpage("feed")]


class OrganisationStoriesPage(KeepChildCountMixin, BasePage):
    """The folder of one organisation's stories: the boundary of its editors' permissions.

    Never written by hand (see `stories.permissions`); visitors who reach its
    URL are sent to the story index.
    """

    search_excluded = True  # it only groups stories: never a search result of its own (search/documents.py)

    organisation = models.ForeignKey(
        "programs.OrganisationPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )

    content_panels = Page.content_panels + [FieldPanel("organisation", read_only=True)]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [SynchronizedField("organisation")]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = ["stories.StoryPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("organisation's stories")
        verbose_name_plural = _("organisations' stories")

    def stories_organisation(self):
        """Asked by the story form: the programmes of a story in this folder are this organisation's."""
        return self.organisation

    def serve(self, request, *args, **kwargs):
        parent = self.get_parent()
        if parent is None:
            raise Http404
        return redirect(parent.get_url(request))

    def get_sitemap_urls(self, request=None):
        return []


class StoryPage(BasePage):
    """A duo's testimonial. Only first names or pseudonyms; consent recorded before publishing."""

    og_type = "article"  # includes/social_meta.html: an article, published on `date`
    search_kind = "story"  # site search (search/documents.py)

    date = models.DateField(_("publication date"), default=timezone.localdate)
    duo_names = models.CharField(
        _("the duo"),
        max_length=120,
        help_text=_(
            'First names or pseudonyms only, for example "Sara and Yonas". Never surnames, addresses, '
            "workplaces, schools or anything else that could identify them."
        ),
    )
    portrait = models.ForeignKey(
        "home.CampaignImage",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("portrait"),
        help_text=_("Set its focal point on the faces; the image needs a credit line."),
    )
    portrait_alt_text = models.CharField(
        _("portrait description (alt text)"),
        max_length=250,
        help_text=_('What the picture shows, for people who cannot see it, e.g. "Sara and Yonas laughing in a park".'),
    )
    pull_quote = models.TextField(
        _("pull quote"), max_length=300, help_text=_("A sentence from the duo, shown large and in listings.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("story"))
    programme = models.ForeignKey(
        "programs.ProgramPage",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("programme"),
        help_text=_("The buddy programme through which the duo met."),
    )
    region = models.ForeignKey(
        "programs.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        verbose_name=_("region"),
    )
    themes = ParentalManyToManyField("programs.Theme", blank=True, related_name="stories", verbose_name=_("themes"))
    featured = models.BooleanField(_("feature on the home page"), default=False)

    consent_received = models.BooleanField(
        _("signed consent received"),
        default=False,
        help_text=_("Both members of the duo (and the photographer) agreed in writing to publication."),
    )
    consent_date = models.DateField(_("consent date"), null=True, blank=True)
    consent_expiry_date = models.DateField(
        _("consent expires on"),
        null=True,
        blank=True,
        help_text=_("The story is taken offline automatically after this day; editors are warned 30 days before."),
    )
    consent_record_location = models.CharField(
        _("where the signed form is kept"),
        max_length=255,
        blank=True,
        help_text=_("For example a folder or document reference. Never shown on the site."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("duo_names"),
        MultiFieldPanel(
            [FieldPanel("portrait"), FieldPanel("portrait_alt_text")],
            heading=_("Portrait"),
        ),
        FieldPanel("pull_quote"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldPanel("region"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Programme, region and themes"),
        ),
        FieldRowPanel([FieldPanel("date"), FieldPanel("featured")]),
    ]
    consent_panels = [
        MultiFieldPanel(
            [
                FieldPanel("consent_received"),
                FieldRowPanel([FieldPanel("consent_date"), FieldPanel("consent_expiry_date")]),
                FieldPanel("consent_record_location"),
            ],
            heading=_("Consent"),
            help_text=_("A story can only be published with a signed, unexpired consent."),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(consent_panels, heading=_("Consent")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = StoryPageForm

    search_fields = Page.search_fields + [
        index.SearchField("duo_names"),
        index.SearchField("pull_quote"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("region"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("duo_names"),
        TranslatableField("portrait_alt_text"),
        TranslatableField("pull_quote"),
        TranslatableField("body"),
        SynchronizedField("date"),
        SynchronizedField("portrait"),
        SynchronizedField("programme"),
        SynchronizedField("region"),
        SynchronizedField("themes"),
        SynchronizedField("featured"),
        SynchronizedField("consent_received"),
        SynchronizedField("consent_date"),
        SynchronizedField("consent_expiry_date"),
        SynchronizedField("consent_record_location"),
    ]

    parent_page_types = ["stories.StoryIndexPage", "stories.OrganisationStoriesPage"]
    subpage_types = []

    # Facts every locale shares, copied from the source when it is published (stories/signals.py).
    SYNCHRONISED_FIELDS = [
        f.field_name
        for f in translatable_fields
        if isinstance(f, SynchronizedField) and f.field_name != "show_in_menus"
    ]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def pages_showing_this(self):
        """Its programme's page tells its stories: purged with it (home/cache_purge.py)."""
        return [self.programme] if self.programme_id else []

    # Consent ------------------------------------------------------------------------------------

    def consent_problems(self, today=None):
        return consent.problems(self, today=today)

    @property
    def has_valid_consent(self):
        return not self.consent_problems()

    def clean(self):
        super().clean()
        errors = consent.consistency_errors(self)
        if self.programme_id and self.path and self.folder_organisation is not None:
            allowed = programmes_for_story(self.locale_id, self.folder_organisation).values("translation_key")
            if not Page.objects.filter(pk=self.programme_id, translation_key__in=allowed).exists():
                errors["programme"] = _("A story in an organisation's folder can only be about its own programmes.")
        if self.portrait_id and not (self.portrait.credit or "").strip():
            errors["portrait"] = _(
                "This image has no credit line. Add one in the image library (for example "
                '"© UNHCR/Studio COSMO") and choose it again.'
            )
        if errors:
            raise ValidationError(errors)
        consent.apply_expiry(self)

    def save(self, *args, **kwargs):
        consent.apply_expiry(self)
        return super().save(*args, **kwargs)

    def publish(self, revision, user=None, **kwargs):
        """Every publish path that goes through Wagtail's models refuses a story without valid consent."""
        story = revision.as_object()
        problems = story.consent_problems()
        if problems:
            consent.refuse_publication(story, revision, problems, user=user)
            return None
        return super().publish(revision, user=user, **kwargs)

    # Relations ----------------------------------------------------------------------------------

    @cached_property
    def folder_organisation(self):
        """The organisation whose folder holds this story, or None for the campaign's own stories."""
        parent = self.get_parent() if self.path else None
        if parent is not None and parent.specific_class is OrganisationStoriesPage:
            return parent.specific.organisation
        return None

    @property
    def localized_programme(self):
        """The programme in this story's language (its translation or alias), if it is live."""
        if not hasattr(self, "_localized_programme"):
            attach_programmes([self], self.locale_id)
        return self._localized_programme

    @staticmethod
    def programmes_for_story(locale_id, organisation=None):
        """Asked by the story form (stories/forms.py): see the module's `programmes_for_story`."""
        return programmes_for_story(locale_id, organisation)

    def get_content_language(self):
        """The language of the visible text; an alias shows its source's (select "alias_of__locale" in lists)."""
        return locales.content_language(self)

    @classmethod
    def refused_approval_url(cls, task_state):
        """Asked by the approval task (`home.models.PublicationCheckedApprovalTask`): no approval without consent."""
        story, found = consent.problems_on_approval(task_state)
        return consent_required_url(story) if found else None

    # Public page --------------------------------------------------------------------------------

    def get_main_image(self):
        return self.portrait

    def get_main_image_alt_text(self):
        return alt_text(self.portrait, self.portrait_alt_text)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = StoryIndexPage.objects.ancestor_of(self).first()
        context["story_index"] = index_page
        context["programme"] = self.localized_programme
        return context

    def get_json_ld(self, request=None):
        """schema.org Article, with the portrait as a 1200 px rendition."""
        url = self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title[:110],
            "description": self.search_description or self.pull_quote,
            "inLanguage": self.get_content_language(),
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at or timezone.now()).isoformat(),
            "mainEntityOfPage": url,
            "url": url,
            "author": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
            "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
            "articleBody": strip_tags(self.pull_quote),
        }
        if self.portrait:
            rendition = self.portrait.get_rendition("fill-1200x800|format-jpeg")
            image_url = absolute_url(rendition.url, request)
            data["image"] = {
                "@type": "ImageObject",
                "url": image_url,
                "width": rendition.width,
                "height": rendition.height,
                "caption": self.portrait_alt_text,
                "creditText": self.portrait.credit,
            }
        if self.localized_programme is not None:
            data["about"] = {"@type": "Service", "name": self.localized_programme.title}
        return data

    @classmethod
    def for_listing(cls):
        """Live stories with what a card shows, without a query per card."""
        return (
            cls.objects.live()
            .select_related("locale", "alias_of__locale", "portrait", "region", "programme")
            .prefetch_related("portrait__renditions")
        )

    @classmethod
    def featured_for_home(cls, locale, limit=3):
        """Live stories of `locale` for the home page: those marked featured first, then the newest."""
        stories = list(
            cls.for_listing().filter(locale=locale).order_by("-featured", "-date", "-first_published_at", "-pk")[:limit]
        )
        return attach_programmes(stories, getattr(locale, "pk", locale))


def localized_programmes(programme_ids, locale_id, keys=None):
    """{programme id: its live version in `locale_id` (translation or alias), or None}, in two queries.

    One query when the caller knows the programmes' translation keys (`keys`: {programme id: key}).
    """
    if keys is None:
        keys = dict(ProgramPage.objects.filter(pk__in=set(programme_ids)).values_list("pk", "translation_key"))
    here = {
        page.translation_key: page
        for page in ProgramPage.objects.live()
        .filter(translation_key__in=keys.values(), locale_id=locale_id)
        .select_related("locale", "alias_of__locale")
    }
    return {pk: here.get(key) for pk, key in keys.items()}


def attach_programmes(stories, locale_id):
    """Give each story its programme in `locale_id` (see `StoryPage.localized_programme`)."""
    linked = [story for story in stories if story.programme_id]
    keys = None
    if all(story._state.fields_cache.get("programme") for story in linked):  # StoryPage.for_listing() joined them
        keys = {story.programme_id: story.programme.translation_key for story in linked}
    mapping = localized_programmes([story.programme_id for story in linked], locale_id, keys=keys)
    for story in stories:
        story._localized_programme = mapping.get(story.programme_id)
    return stories


def programmes_for_story(locale_id, organisation=None):
    """The programmes a story in `locale_id` may be about: all, or those of `organisation` (any translation)."""
    programmes = ProgramPage.objects.filter(locale_id=locale_id)
    if organisation is None:
        return programmes
    organisation_here = OrganisationPage.objects.filter(
        translation_key=organisation.translation_key, locale_id=locale_id
    ).first()
    return programmes.child_of(organisation_here) if organisation_here else programmes.none()


def stories_for_programme(programme, limit=None):
    """Live stories (in the programme page's locale) about `programme`, in any of its translations."""
    queryset = (
        StoryPage.for_listing()
        .filter(locale_id=programme.locale_id, programme__translation_key=programme.translation_key)
        .order_by("-date", "-first_published_at", "-pk")
    )
    stories = list(queryset[:limit]) if limit else list(queryset)
    for story in stories:  # in the programme's locale, the programme itself is the story's programme
        story._localized_programme = programme if programme.live else None
    return stories


class ConsentWarning(models.Model):
    """An e-mail sent about a story's consent ending soon; one per story and expiry date."""

    translation_key = models.UUIDField(_("story"), db_index=True)
    consent_expiry_date = models.DateField(_("consent expires on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("consent warning")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "consent_expiry_date"], name="one_warning_per_expiry")
        ]

    def __str__(self):
        return f"{self.translation_key} {self.consent_expiry_date}"


class StoryApprovalTask(PublicationCheckedApprovalTask):
    """The task of the "Campaign review" workflow (programs/workflow.py), which covers programmes and stories alike.

    A story answers its `refused_approval_url` with its consent: it is not
    approved without a valid consent, and the reviewer is sent to the story's
    edit view, which names what is missing
    (`stories.wagtail_hooks.explain_refused_approval`). For any page but a
    story it is Wagtail's group approval.
    """

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve; a story is only approved with a valid consent")

    class Meta:
        verbose_name = _("group approval task, consent checked for stories")
        verbose_name_plural = _("group approval tasks, consent checked for stories")


CONSENT_REQUIRED_PARAMETER = "consent"


def consent_required_url(story):
    """The story's edit view, asked to say why the story cannot be published."""
    return reverse("wagtailadmin_pages:edit", args=[story.pk]) + f"?{CONSENT_REQUIRED_PARAMETER}=required"
