"""The base admin form of every page: empty rich text stays empty, and choosers show only what the editor may see.

Draftail can post an empty rich text field as an empty paragraph
(`<p data-block-key="…"></p>`) once its editor has started. Wagtail then sees
a change, and a reviewer's "Approve" from the edit view saves a revision of
its own that needs a new approval (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT):
the submitted text was approved but never published. Here such a value reads
as "", both when comparing with the saved page and when saving.

A form shown again after an error shows in its chooser widgets only what the
editor may see: another organisation's page by its live title, never its
draft, and nothing of a page, image or document the editor may not use unless
the page referred to it already (home/permissions.py).
"""

import functools
import re

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.fields import RichTextField

from home import permissions

EMPTY_RICH_TEXT = re.compile(r"^\s*(<p(\s+data-block-key=\"[^\"]*\")?>\s*(<br\s*/?>\s*)*</p>\s*)*$")


def empty_rich_text_as_blank(value):
    return "" if isinstance(value, str) and EMPTY_RICH_TEXT.match(value) else value


class ViewerAwareChooserMixin:
    """A chooser widget that shows only what its user may see (set `user` and `allowed` on the instance)."""

    user = None
    allowed = frozenset()

    def get_instance(self, value):
        instance = super().get_instance(value)
        if instance is None or self.user is None:
            return instance
        if not permissions.may_show_chosen(self.user, instance, self.allowed):
            return None
        return permissions.public_title(self.user, instance) if hasattr(instance, "draft_title") else instance


@functools.cache
def viewer_aware(widget_class):
    return type(widget_class.__name__, (ViewerAwareChooserMixin, widget_class), {"__module__": __name__})


class CampaignPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rich_text = {f.name for f in self._meta.model._meta.get_fields() if isinstance(f, RichTextField)}
        # What the page referred to before this change stays allowed (see home.permissions.forbidden_references).
        self.references_before = frozenset(permissions.references(self.instance))
        for name, field in self.fields.items():
            if name in rich_text:
                to_python = field.to_python
                field.to_python = lambda value, to_python=to_python: empty_rich_text_as_blank(to_python(value))
            if isinstance(field.widget, BaseChooser) and self.for_user is not None:
                field.widget.__class__ = viewer_aware(type(field.widget))
                field.widget.user = self.for_user
                field.widget.allowed = self.references_before
