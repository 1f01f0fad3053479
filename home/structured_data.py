"""schema.org data for `<script type="application/ld+json">` elements: the site's one JSON-LD path.

A page class that has structured data declares `get_json_ld(request)` returning a dict (BasePage's
returns None); base.html writes it with `{% json_ld page %}` (home/templatetags/campaign_tags.py),
through `to_json_ld` below. The FAQ page answers with an FAQPage, a programme with a Service
(programs/structured_data.py), a story with an Article.
"""

import json

from django.utils.safestring import mark_safe


def to_json_ld(data):
    """`data` as JSON to put inside a script element as it is.

    Editors' and organisations' text ends up in it: "<", ">" and "&" are escaped (JSON reads them the
    same), so nothing can close the element or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308
