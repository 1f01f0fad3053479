"""Content blocks shared by every page type that has a body."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock as AltTextImageBlock


class ImageBlock(blocks.StructBlock):
    """An image in a body. Its alt text belongs to the block, not the shared image, so each language has its own.

    Wagtail's `ImageBlock` holds the image, its alt text (required unless the image is marked decorative) and
    the decorative flag; wagtail-localize offers the alt text for translation like the caption. Blocks saved
    before it existed (an image id only) read the image's description as their alt text.
    """

    image = AltTextImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _(
            "An image with a description for people who cannot see it (translated with the page) and an optional "
            "caption; the credit line comes from the image."
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A short quotation, for example a buddy's own words.")
        preview_value = {"text": "Samen koken werd onze wekelijkse afspraak.", "attribution": "Sara en Yonas"}


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=80, label=_("Button text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an external link"))
    description = blocks.TextBlock(required=False, label=_("Text before the button"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A prominent button to a page or a sign-up form.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError(_("Choose a page or enter a link."))}
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        template="blocks/heading_block.html",
        label=_("Heading"),
        description=_("A section heading (level 2)."),
    )
    paragraph = blocks.RichTextBlock(
        icon="pilcrow",
        label=_("Text"),
        description=_("Paragraphs, lists and links."),
        features=["h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(
        help_text=_("A YouTube or Vimeo link, for example."),
        icon="media",
        template="blocks/embed_block.html",
        label=_("Video"),
        description=_("An embedded video."),
    )


class FAQQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255, label=_("Question"))
    answer = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul", "link"], label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question")


class FAQSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Section title"))
    questions = blocks.ListBlock(FAQQuestionBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Section")
        description = _("A group of related questions.")
