"""The organisations' guide (docs/*.md in the repository), shown in the admin.

The guide is written once, as Markdown in `docs/` so that it renders on GitHub,
and the admin renders the same files so that editors find it offline and in
the version of the site they use. The files are the repository's own (never
user input), so their HTML is trusted. Links between the guide's files are
turned into links to this view; its images are served from the same folder.
"""

import re

import markdown

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDE_PAGES = {"organisations-guide": _("Guide for organisations"), "import-format": _("The import format")}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp"}


def docs_dir():
    return settings.BASE_DIR / "docs"


def _link_within_admin(match):
    name, anchor = match.group(2), match.group(3) or ""
    if name in GUIDE_PAGES:
        return f'{match.group(1)}="{reverse("programs_admin:guide", args=[name])}{anchor}"'
    return match.group(0)


def render_guide(name):
    html = markdown.markdown(
        (docs_dir() / f"{name}.md").read_text(encoding="utf-8"), extensions=["tables", "toc", "fenced_code"]
    )
    html = re.sub(r'(href)="([\w-]+)\.md(#[^"]*)?"', _link_within_admin, html)
    html = re.sub(
        r'src="(images/[^"]+)"', lambda m: f'src="{reverse("programs_admin:guide_file", args=[m.group(1)])}"', html
    )
    return mark_safe(html)  # noqa: S308 - the repository's own documentation, see the module docstring


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "programs/admin/guide.html"
    header_icon = "help"

    def get_page_title(self):
        return GUIDE_PAGES[self.kwargs["name"]]

    def get_context_data(self, **kwargs):
        if self.kwargs["name"] not in GUIDE_PAGES:
            raise Http404
        context = super().get_context_data(**kwargs)
        context["guide_html"] = render_guide(self.kwargs["name"])
        return context


def guide_file(request, path):
    """An image the guide shows (docs/images/…), nothing else from the folder."""
    target = (docs_dir() / path).resolve()
    images = (docs_dir() / "images").resolve()
    if images not in target.parents or target.suffix.lower() not in IMAGE_TYPES or not target.is_file():
        raise Http404
    return FileResponse(target.open("rb"), content_type=IMAGE_TYPES[target.suffix.lower()])
