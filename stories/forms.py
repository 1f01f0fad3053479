"""The story page form: the programme list an editor may choose from, and consent when publishing."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.page_forms import CampaignPageForm
from stories import consent


def is_publishing(data):
    """True when the submitted action makes the page live: "Publish", or approving it in the workflow."""
    if data.get("action-publish"):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == "approve"


class StoryPageForm(CampaignPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "expire_at" in self.fields:
            self.fields["expire_at"].disabled = True
            self.fields["expire_at"].help_text = _("Set from the consent expiry date on the Consent tab.")
        if "programme" in self.fields:
            self.fields["programme"].queryset = self.allowed_programmes()
            self.fields["programme"].empty_label = _("Choose a programme")

    @property
    def story_parent(self):
        if self.parent_page is not None:
            return self.parent_page.specific
        if self.instance.pk and self.instance.path:
            return self.instance.get_parent().specific
        return None

    def folder_organisation(self):
        """The organisation whose folder the story is in (the parent page answers), or None."""
        stories_organisation = getattr(self.story_parent, "stories_organisation", None)
        return stories_organisation() if stories_organisation is not None else None

    def allowed_programmes(self):
        """Programmes in the story's locale; in an organisation's folder, only that organisation's."""
        parent = self.story_parent
        if parent is None:
            return self.instance._meta.get_field("programme").related_model.objects.none()
        return self.instance.programmes_for_story(parent.locale_id, self.folder_organisation()).order_by("title")

    def clean(self):
        cleaned_data = super().clean()
        if is_publishing(self.data):
            story = self.instance
            for name in ("consent_received", "consent_date", "consent_expiry_date"):
                if name in cleaned_data:
                    setattr(story, name, cleaned_data[name])
            for name, message in consent.problems(story).items():
                if name not in self.errors:
                    self.add_error(name, ValidationError(message, code="consent"))
        return cleaned_data
