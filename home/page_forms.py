"""The base admin form of every page: an empty rich text field stays empty.

Draftail can post an empty rich text field as an empty paragraph
(`<p data-block-key="…"></p>`) once its editor has started. Wagtail then sees
a change, and a reviewer's "Approve" from the edit view saves a revision of
its own that needs a new approval (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT):
the submitted text was approved but never published. Here such a value reads
as "", both when comparing with the saved page and when saving.
"""

import re

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.fields import RichTextField

EMPTY_RICH_TEXT = re.compile(r"^\s*(<p(\s+data-block-key=\"[^\"]*\")?>\s*(<br\s*/?>\s*)*</p>\s*)*$")


def empty_rich_text_as_blank(value):
    return "" if isinstance(value, str) and EMPTY_RICH_TEXT.match(value) else value


class CampaignPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rich_text = {f.name for f in self._meta.model._meta.get_fields() if isinstance(f, RichTextField)}
        for name, field in self.fields.items():
            if name in rich_text:
                to_python = field.to_python
                field.to_python = lambda value, to_python=to_python: empty_rich_text_as_blank(to_python(value))
