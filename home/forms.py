"""Admin forms shared by the campaign's apps."""

from wagtail.images.forms import BaseImageForm

from home.image_validation import CampaignImageField


class CampaignImageForm(BaseImageForm):
    """The base of every image form (single upload, multiple upload, chooser upload, edit).

    Wired in through ``WAGTAILIMAGES_IMAGE_FORM_BASE``. Wagtail builds the file
    field itself, so the stricter field replaces it here, keeping its widget.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, CampaignImageField):
            self.fields["file"] = CampaignImageField(
                label=field.label,
                required=field.required,
                max_length=field.max_length,
                widget=field.widget,
            )
