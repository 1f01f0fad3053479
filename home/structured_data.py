"""schema.org data for `<script type="application/ld+json">` elements."""

import json

from django.utils.safestring import mark_safe


def to_json_ld(data):
    """`data` as JSON to put inside a script element as it is.

    Editors' and organisations' text ends up in it: "<", ">" and "&" are escaped (JSON reads them the
    same), so nothing can close the element or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S308
