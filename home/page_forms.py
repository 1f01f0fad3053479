"""The base admin form of every page: empty rich text stays empty, and a page refers only to what its editor may use.

Draftail can post an empty rich text field as an empty paragraph
(`<p data-block-key="…"></p>`) once its editor has started. Wagtail then sees
a change, and a reviewer's "Approve" from the edit view saves a revision of
its own that needs a new approval (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT):
the submitted text was approved but never published. Here such a value reads
as "", both when comparing with the saved page and when saving.

References: whatever a save adds, in a foreign key, a StreamField block or a
rich text link, must be an image or document the editor may choose (an
organisation editor: its own collection; campaign staff: any) or a page that
is live or theirs (home/permissions.py). Anything else is refused with a
message on the field, on the create and edit forms and their previews alike.
A refused form shows again without the foreign object: chooser widgets show
only what the editor may see (another organisation's page by its live title,
never its draft), and a StreamField or rich text field shows its saved value.

Concurrent saves: a form loaded from an older revision than the page's latest
is refused (the page is marked by home/concurrent_editing.py), so that a
second editor's save never silently replaces the first one's.
"""

import functools
import re

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.fields import RichTextField

from home import permissions
from home.concurrent_editing import stale_form_error

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


def _show_initial_value(data, initial):
    return initial


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

    def clean(self):
        cleaned_data = super().clean()
        if error := stale_form_error(self):
            self.add_error(None, error)
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        if self.for_user is None:
            return
        forbidden = permissions.forbidden_references(self.for_user, self.instance, self.references_before)
        for name, objects in forbidden.items():
            field = self.fields.get(name)
            self.add_error(name if field is not None else None, permissions.reference_error(type(objects[0])))
            if field is not None and not isinstance(field.widget, BaseChooser):
                field.bound_data = _show_initial_value
