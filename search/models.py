"""What the public site search finds: one document per live page, and one per FAQ question.

Wagtail indexes pages as they are stored, in one index per model tree, with
the same analysis for every language. The public search needs more: only
live, public pages; each FAQ question on its own; the text analysed in the
language it is written in. So search/documents.py keeps these documents in
step with the pages (publish, unpublish, move, delete, translation) and
Wagtail's own signal handlers keep every search backend in step with them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from search.text import ANALYSED_LANGUAGES, fold


class SearchDocument(index.Indexed, models.Model):
    KIND_CHOICES = [
        ("programme", _("Programme")),
        ("organisation", _("Organisation")),
        ("story", _("Story")),
        ("question", _("Question")),
        ("page", _("Page")),
    ]

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    # The language the text is written in: an alias in another locale shows its source's text.
    language = models.CharField(max_length=8)
    # Anchor of a FAQ question on its page; empty for the page itself.
    anchor = models.CharField(max_length=80, blank=True)
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    # Words in the locale's language (taxonomy labels, municipalities, the organisation's name).
    facts = models.TextField(blank=True)
    # One name a line (programme, organisation, municipalities) for the search box's suggestions.
    suggestions = models.TextField(blank=True)
    # Folded stems of everything above, for the database backend, which cannot stem every language itself.
    stems = models.TextField(blank=True)
    # The folded words and stems of the document's own text (title and body, not the facts): the database
    # backend ranks a match there above a match only in a label or a place name (search/backends/database.py).
    own_words = models.TextField(blank=True)
    # A programme's finder filters, "param:code" separated by spaces ("region:BE-VAN theme:language
    # accepting:1"): the search server filters and counts the finder's facets on them.
    facet_codes = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("body"),
        index.SearchField("facts"),
        index.SearchField("stems"),
        *[
            field
            for language in ANALYSED_LANGUAGES
            for field in (
                index.SearchField(f"title_{language}", boost=3, es_extra={"analyzer": f"campaign_{language}"}),
                index.SearchField(f"text_{language}", es_extra={"analyzer": f"campaign_{language}"}),
                # Labels and places weigh less than the programme's own words (a label-only match ranks lower).
                index.SearchField(f"facts_{language}", boost=0.2, es_extra={"analyzer": f"campaign_{language}"}),
            )
        ],
        index.AutocompleteField("autocomplete_text"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("page"),
        index.FilterField("facet_terms"),
    ]

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "anchor"], name="unique_search_document_per_anchor")]
        ordering = ["page_id", "position"]

    def __str__(self):
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().select_related("locale")

    def _title_in(self, language):
        return self.title if self.language == language else ""

    def _text_in(self, language):
        """The body when written in `language`."""
        return self.body if self.language == language else ""

    def _facts_in(self, language):
        """The facts (labels, places, organisation) when the locale speaks `language`."""
        return self.facts if self.locale.language_code == language else ""

    def facet_terms(self):
        return self.facet_codes.split()

    def autocomplete_text(self):
        # Folded copies too: PostgreSQL's autocomplete does not fold accents.
        return f"{self.suggestions}\n{fold(self.suggestions)}"


# One field per language, each analysed with that language's analyzer on the search server:
# title_nl, text_nl, facts_nl, title_fr, … (the names search/backends/server.py queries).
for _language in ANALYSED_LANGUAGES:
    setattr(SearchDocument, f"title_{_language}", lambda self, language=_language: self._title_in(language))
    setattr(SearchDocument, f"text_{_language}", lambda self, language=_language: self._text_in(language))
    setattr(SearchDocument, f"facts_{_language}", lambda self, language=_language: self._facts_in(language))
del _language


class PendingIndexChange(models.Model):
    """An index change the search server missed (it was down): `manage.py send_pending_index_changes` sends it.

    One row per object: a later change replaces an earlier one (the replay reads the object as it is then).
    Only the model, the primary key and the kind of change are kept, never the indexed text.
    """

    ADD = "add"
    DELETE = "delete"
    ACTION_CHOICES = [(ADD, _("Add or update")), (DELETE, _("Delete"))]

    model = models.CharField(max_length=100)  # "app_label.model_name"
    object_pk = models.CharField(max_length=64)
    action = models.CharField(max_length=10, choices=ACTION_CHOICES)
    queued_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "object_pk"], name="unique_pending_index_change")]
        ordering = ["queued_at", "pk"]

    def __str__(self):
        return f"{self.action} {self.model} {self.object_pk}"
