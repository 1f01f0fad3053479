"""The programme federation: the overview, organisation profiles and programme listings.

Page tree (one per locale): ProgramIndexPage > OrganisationPage > ProgramPage.
An organisation writes in the language it works in; every other locale shows
an alias (the source text, marked with its language) until a translation
exists. Descriptive text is translatable; facts (taxonomies, status,
contacts, dates) are synchronised from the source page (see programs/signals.py and home/locales.py).
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import chrome
from home.models import PAGE_TRANSLATABLE_FIELDS, BasePage, alt_text
from programs import structured_data, taxonomy
from programs.languages import language_name

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def synchronised_fields(translatable_fields):
    """Names of the facts every locale shares (home/locales.py copies them from the source)."""
    return [
        f.field_name
        for f in translatable_fields
        if isinstance(f, SynchronizedField) and f.field_name != "show_in_menus"
    ]


# Taxonomies ---------------------------------------------------------------------------------------


class TaxonomyTerm(models.Model):
    """A term with a stable code; its label comes from programs.taxonomy (translated via .po files)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    labels = {}

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return self.labels.get(self.code, self.code)


class Theme(TaxonomyTerm):
    labels = taxonomy.THEMES

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(TaxonomyTerm):
    labels = taxonomy.TARGET_GROUPS

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Region(TaxonomyTerm):
    labels = taxonomy.REGIONS

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Mode(TaxonomyTerm):
    labels = taxonomy.MODES

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("mode")
        verbose_name_plural = _("modes")


class Language(TaxonomyTerm):
    """A language spoken: any ISO 639 code (programs/languages.py), named by CLDR in the visitor's language."""

    labels = taxonomy.LANGUAGES

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    @property
    def label(self):
        return language_name(self.code)


# Reference data (programs/reference.py copies it from the gazetteer in programs/places) -----------


class Municipality(models.Model):
    """A municipality of Belgium or commune of Luxembourg, as of today (after the 2019 and 2025 mergers).

    A copy of programs.places (the one source of truth) that programmes can point to; a data migration
    and `manage.py load_places` refresh it. `search_name` holds every name it is known by (in every
    language, former municipalities, the places behind its postcodes) for the admin's chooser.
    """

    nis_code = models.CharField(
        _("code"), max_length=40, unique=True, help_text=_("Statbel's NIS code; “LU-” and the name in Luxembourg.")
    )
    country = models.CharField(_("country"), max_length=2, default="BE")
    name_nl = models.CharField(_("name in Dutch"), max_length=100)
    name_fr = models.CharField(_("name in French"), max_length=100)
    name_de = models.CharField(_("name in German"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    name_lb = models.CharField(_("name in Luxembourgish"), max_length=100, blank=True)
    province_code = models.CharField(_("province NIS code"), max_length=5)
    region_code = models.CharField(_("region"), max_length=8, choices=list(taxonomy.REGIONS.items()))
    district_code = models.CharField(
        _("arrondissement or canton"), max_length=8, blank=True, db_index=True
    )  # NIS code of the arrondissement (BE), ISO 3166-2:LU code of the canton
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Lower-case, accent-free names joined by " | ", for lookups by name in any language.
    search_name = models.TextField(editable=False)

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the visitor's language; English without an English name uses the name in the region's."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        if language == "nl":
            return self.name_nl
        if language == "fr":
            return self.name_fr
        if self.name_en:
            return self.name_en
        if self.region_code == "BE-BRU" and self.name_fr != self.name_nl:
            return f"{self.name_fr} / {self.name_nl}"
        return self.name_fr if self.region_code.startswith("BE-W") or self.country == "LU" else self.name_nl

    def postcode_list(self):
        return ", ".join(sorted({p.code for p in self.postcodes.all()}))


class PostalCode(models.Model):
    code = models.CharField(_("postcode"), max_length=4, db_index=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="postcodes")

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["code", "municipality"], name="unique_postcode_municipality")]

    def __str__(self):
        return f"{self.code} {self.municipality}"


# Pages --------------------------------------------------------------------------------------------


class ProgramIndexPage(BasePage):
    """The overview and finder: every published programme of the active locale."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programs.OrganisationPage"]
    max_count_per_parent = 1
    show_in_menus_default = True  # every "how do I take part" leads here; the menu shows it on every page
    site_overview = True  # home/chrome.py: the menu and the home page's buttons lead here

    class Meta:
        verbose_name = _("programme overview")

    def get_context(self, request, *args, **kwargs):
        from programs.filters import filter_programmes

        context = super().get_context(request, *args, **kwargs)
        context["finder"] = filter_programmes(request.GET, locale=chrome.locale(self.locale_id))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if any(request.GET.get(param, "").strip() for param in ("q", "place", "lat")):
            # A visitor's own words or whereabouts: never kept by a shared cache or the browser's history cache.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
        return response

    def programmes(self):
        return ProgramPage.objects.live().filter(locale=self.locale)


class OrganisationPage(BasePage):
    """An organisation's profile; its subtree is what its editors may touch."""

    # Site search (search/documents.py): a result of its own kind, whose programmes' documents name it.
    search_kind = "organisation"
    search_dependants_include_text = True

    logo = models.ForeignKey(
        "home.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("contact_name"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")])],
            heading=_("Address"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.SearchField("city")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("logo"),
        TranslatableField("description"),
        SynchronizedField("website"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("contact_name"),
        SynchronizedField("address"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
    ]

    SYNCHRONISED_FIELDS = synchronised_fields(translatable_fields)

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = ["programs.ProgramPage"]

    class Meta:
        verbose_name = _("organisation")

    def get_main_image(self):
        return self.logo

    def get_main_image_alt_text(self):
        # Shared across locales, the logo's own description has one language; its name says what it is.
        return _("Logo of %(organisation)s") % {"organisation": self.title} if self.logo else ""

    def programmes(self):
        """Its live programmes, with `source_language` (the language their text is written in)."""
        return ProgramPage.objects.child_of(self).live().with_text_language("source_language").order_by("title")

    def pages_showing_this(self):
        """Its programme pages show its name and logo: purged with it (home/cache_purge.py)."""
        return ProgramPage.objects.child_of(self).live()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = self.programmes().prefetch_related("regions")  # the cards show them
        return context


class ProgramPage(BasePage):
    """A buddy programme, aligned with Open Referral HSDS 3.0 `service`."""

    # Site search (search/documents.py): its facts and facet codes, prefetched in a bulk rebuild.
    search_kind = "programme"
    search_prefetch = (
        "themes",
        "target_groups",
        "regions",
        "modes",
        "languages",
        "municipality_links__municipality",
        "locations",
    )

    # The overview's "looking for volunteers now" filter, and the home page's figure of the same name.
    LOOKING_FOR_VOLUNTEERS = Q(status="active", accepting_volunteers="open")

    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences, at most 300 characters.")
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    image = models.ForeignKey(
        "home.CampaignImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("From your organisation's own collection; the organisation's logo is shown otherwise."),
    )
    image_alt_text = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it; translated with the page. Leave empty to use "
            "the image's own description."
        ),
    )

    themes = ParentalManyToManyField(Theme, blank=True, related_name="programmes", verbose_name=_("themes"))
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="programmes", verbose_name=_("target groups")
    )
    regions = ParentalManyToManyField(Region, related_name="programmes", verbose_name=_("regions served"))
    modes = ParentalManyToManyField(Mode, blank=True, related_name="programmes", verbose_name=_("modes"))
    languages = ParentalManyToManyField(
        Language, blank=True, related_name="programmes", verbose_name=_("languages spoken")
    )

    volunteer_commitment = models.TextField(
        _("volunteer commitment"),
        max_length=1000,
        blank=True,
        help_text=_("How long a duo lasts, how often buddies meet, anything else volunteers should know."),
    )
    min_volunteer_age = models.PositiveSmallIntegerField(_("minimum age of volunteers"), null=True, blank=True)
    accepting_volunteers = models.CharField(
        _("accepting volunteers"), max_length=10, choices=taxonomy.ACCEPTING_CHOICES, default="open"
    )
    accepting_newcomers = models.CharField(
        _("accepting newcomers"), max_length=10, choices=taxonomy.ACCEPTING_CHOICES, default="open"
    )
    status = models.CharField(_("status"), max_length=10, choices=taxonomy.STATUS_CHOICES, default="active")
    notice = models.TextField(
        _("public notice"),
        max_length=600,
        blank=True,
        help_text=_("Shown prominently, for example why the programme is paused."),
    )

    signup_url = models.URLField(_("sign-up link for volunteers"), blank=True)
    newcomer_signup_url = models.URLField(_("sign-up link for newcomers"), blank=True)
    newcomer_signup_email = models.EmailField(_("sign-up e-mail for newcomers"), blank=True)
    # Requests through this site (participation/): the organisation chooses per role, beside or instead of a link.
    volunteer_request_form = models.BooleanField(
        _("volunteers can ask to take part on this site"),
        default=False,
        help_text=_(
            "Shows a short request form on the programme page; requests reach your organisation's editors in "
            "the admin, under Requests."
        ),
    )
    newcomer_request_form = models.BooleanField(
        _("newcomers can ask to take part on this site"),
        default=False,
        help_text=_(
            "Shows a short request form on the programme page; requests reach your organisation's editors in "
            "the admin, under Requests."
        ),
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("The day the organisation last confirmed this listing is accurate."),
    )
    external_id = models.CharField(
        _("external ID"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("The programme's ID in import files; the same for every translation."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("image_alt_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("last_verified")]),
                FieldPanel("notice"),
                FieldRowPanel([FieldPanel("accepting_volunteers"), FieldPanel("accepting_newcomers")]),
            ],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("modes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Themes, target groups and languages"),
        ),
        MultiFieldPanel(
            [FieldPanel("regions", widget=forms.CheckboxSelectMultiple)],
            heading=_("Regions served"),
        ),
        MultipleChooserPanel(
            "municipality_links",
            chooser_field_name="municipality",
            heading=_("Municipalities served"),
            label=_("Municipality"),
        ),
        InlinePanel("locations", heading=_("Locations"), label=_("Location")),
        MultiFieldPanel(
            [FieldPanel("volunteer_commitment"), FieldPanel("min_volunteer_age")],
            heading=_("Volunteer commitment"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("volunteer_request_form"),
                FieldPanel("signup_url"),
                FieldPanel("newcomer_request_form"),
                FieldPanel("newcomer_signup_url"),
                FieldPanel("newcomer_signup_email"),
            ],
            heading=_("Sign-up"),
            help_text=_(
                "How people take part, for volunteers and newcomers separately: a request form on this site, your "
                "own sign-up link, or both."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")])],
            heading=_("Contact"),
        ),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("external_id")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.FilterField("accepting_volunteers"),
        index.FilterField("accepting_newcomers"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("volunteer_commitment"),
        TranslatableField("notice"),
        SynchronizedField("image"),
        TranslatableField("image_alt_text"),
        SynchronizedField("themes"),
        SynchronizedField("target_groups"),
        SynchronizedField("regions"),
        SynchronizedField("modes"),
        SynchronizedField("languages"),
        SynchronizedField("municipality_links"),
        SynchronizedField("locations"),
        SynchronizedField("min_volunteer_age"),
        SynchronizedField("accepting_volunteers"),
        SynchronizedField("accepting_newcomers"),
        SynchronizedField("status"),
        SynchronizedField("signup_url"),
        SynchronizedField("newcomer_signup_url"),
        SynchronizedField("newcomer_signup_email"),
        SynchronizedField("volunteer_request_form"),
        SynchronizedField("newcomer_request_form"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("last_verified"),
        SynchronizedField("external_id"),
    ]

    parent_page_types = ["programs.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme")

    SYNCHRONISED_FIELDS = synchronised_fields(translatable_fields)

    def clean(self):
        super().clean()
        if self.external_id:
            clash = (
                ProgramPage.objects.filter(external_id=self.external_id)
                .exclude(translation_key=self.translation_key)
                .exists()
            )
            if clash:
                raise ValidationError({"external_id": _("Another programme already has this external ID.")})

    @cached_property
    def organisation(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    def get_json_ld(self, request=None):
        """schema.org Service with its NGO provider (programs/structured_data.py)."""
        return structured_data.service(self, request)

    @property
    def is_outdated(self):
        """True when nobody confirmed the listing for LISTING_OUTDATED_DAYS (or never)."""
        if self.last_verified is None:
            return False
        limit = timezone.localdate() - datetime.timedelta(days=settings.LISTING_OUTDATED_DAYS)
        return self.last_verified < limit

    @property
    def is_accepting_volunteers_now(self):
        return self.status == "active" and self.accepting_volunteers == "open"

    @staticmethod
    def looking_for_volunteers(queryset):
        """The programmes of `queryset` the overview's "looking for volunteers now" filter finds."""
        return queryset.filter(ProgramPage.LOOKING_FOR_VOLUNTEERS)

    def get_main_image(self):
        return self.image

    @property
    def image_alt(self):
        """The image's alt text in this page's language, or the image's description when none is given."""
        return alt_text(self.image, self.image_alt_text)

    def get_main_image_alt_text(self):
        return self.image_alt

    TEXT_FIELDS = ["title", "summary", "description", "volunteer_commitment", "notice", "image_alt_text"]

    def translated_from(self):
        """The page this translation was made from, or None (a source page, an alias, never translated)."""
        if self.alias_of_id:
            return None
        locale_id = chrome.kept(f"source_locale:{self.translation_key}", self._source_locale_id)
        if not locale_id or locale_id == self.locale_id:
            return None
        for page in self.live_translations():  # the language switcher has read them already
            if page.locale_id == locale_id and not page.alias_of_id:
                return page
        return (
            ProgramPage.objects.sources()
            .filter(translation_key=self.translation_key, locale_id=locale_id)
            .select_related("locale")
            .first()
        )

    def _source_locale_id(self):
        """The locale wagtail-localize translated this page from ("" when never translated: kept as a value)."""
        from wagtail_localize.models import TranslationSource

        sources = TranslationSource.objects.filter(object_id=self.translation_key).order_by("created_at")
        return sources.values_list("locale_id", flat=True).first() or ""

    def text_languages(self):
        """The language of each text field as shown: a translation may still hold some of its source's text."""
        language = self.get_content_language()
        languages = dict.fromkeys(self.TEXT_FIELDS, language)
        source = self.translated_from()
        if source is not None:
            for name in self.TEXT_FIELDS:
                value = getattr(self, name)
                if value and value == getattr(source, name):
                    languages[name] = source.locale.language_code
        return languages

    def municipalities(self):
        return self.facts["municipalities"]

    TAXONOMY_FIELDS = ("themes", "target_groups", "regions", "modes", "languages")

    @cached_property
    def facts(self):
        """Taxonomies, municipalities and locations, each read once per request (the page and its JSON-LD).

        Three queries: the five taxonomies' links in one (the terms themselves are kept with the site's
        chrome, see `taxonomy_terms`), the municipalities, the locations. A page being edited (not yet
        saved: a preview) reads its unsaved choices instead.
        """
        links = self.municipality_links.all()
        if hasattr(links, "select_related"):
            links = links.select_related("municipality")
        facts = self._taxonomy_facts() if self.pk and not self._has_unsaved_taxonomies() else None
        if facts is None:
            facts = {name: list(getattr(self, name).all()) for name in self.TAXONOMY_FIELDS}
        facts["municipalities"] = [link.municipality for link in links]
        facts["locations"] = list(self.locations.all())
        return facts

    def _has_unsaved_taxonomies(self):
        # modelcluster keeps a preview's or a form's choices in memory as a FakeQuerySet (no `query`)
        return any(not hasattr(getattr(self, name).all(), "query") for name in self.TAXONOMY_FIELDS)

    def _taxonomy_facts(self):
        linked = None
        for name in self.TAXONOMY_FIELDS:
            through = getattr(ProgramPage, name).through
            target = getattr(ProgramPage, name).rel.model._meta.model_name + "_id"
            rows = through.objects.filter(programpage_id=self.pk).annotate(kind=Value(name)).values_list("kind", target)
            linked = rows if linked is None else linked.union(rows, all=True)
        terms = taxonomy_terms()
        facts = {name: [] for name in self.TAXONOMY_FIELDS}
        for name, term_id in linked:
            facts[name].append(terms[name][term_id])
        for name in self.TAXONOMY_FIELDS:
            facts[name].sort(key=lambda term: (term.sort_order, term.code))
        return facts


def taxonomy_terms():
    """{"themes": {id: Theme}, …}: the reference terms, small and rarely changed, kept with the site's chrome."""

    def load():
        return {
            name: {term.pk: term for term in getattr(ProgramPage, name).rel.model.objects.all()}
            for name in ProgramPage.TAXONOMY_FIELDS
        }

    return chrome.kept("taxonomy_terms", load)


class ProgramMunicipality(Orderable):
    """A municipality a programme serves, chosen from the reference data."""

    page = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="municipality_links")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )

    panels = [FieldPanel("municipality")]

    class Meta(Orderable.Meta):
        verbose_name = _("municipality served")


class ProgramLocation(Orderable):
    """An address where duos meet or the programme has an office."""

    page = ParentalKey(ProgramPage, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name"), max_length=120, blank=True, help_text=_("For example the building's name."))
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("location")

    def __str__(self):
        return ", ".join(part for part in [self.name, self.address, f"{self.postcode} {self.city}".strip()] if part)

    def clean(self):
        super().clean()
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValidationError({"latitude": _("Latitude lies between -90 and 90.")})
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValidationError({"longitude": _("Longitude lies between -180 and 180.")})


# Freshness -----------------------------------------------------------------------------------------


class ListingReminder(models.Model):
    """One reminder per programme and verification period.

    A programme is identified by its translation key (the same in every
    locale); the period by the date the reminder was about (its last verified
    date, or its first publication when it was never verified). Confirming the
    listing starts a new period, which may be reminded about again.
    """

    translation_key = models.UUIDField(_("programme"), db_index=True)
    period_start = models.DateField(_("verified or published on"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    recipients = models.TextField(_("sent to"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("listing reminder")
        verbose_name_plural = _("listing reminders")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "period_start"], name="one_reminder_per_period"),
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.period_start})"
