"""Languages spoken in a programme: any ISO 639 code, named in the visitor's language by CLDR.

Codes are checked by `langcodes` against the IANA language subtag registry (every ISO 639 code)
and named by CLDR (Babel's data; langcodes' `language-data` where Babel has no name), not by a
list of our own, so an organisation can say it speaks Luxembourgish (lb), Dari (prs), Tigrinya
(ti) or Sorani (ckb) and every visitor reads the name in nl, fr or en. A code is accepted when it
is a valid ISO 639 language subtag with a known name; a three-letter code that has a two-letter
equivalent is stored as the two-letter one (nld → nl), so a language is one facet value whatever
the file said.
"""

import langcodes
from babel import Locale

from django.conf import settings
from django.utils import translation


def canonical_language_code(value):
    """The code to store for `value` ("NL", "nld", "prs"), or None if it is not an ISO 639 language."""
    text = (value or "").strip().lower().replace("_", "-")
    if not text or not text.isascii() or not text.isalpha() or not 2 <= len(text) <= 3:
        return None
    if not langcodes.tag_is_valid(text):
        return None
    if not langcodes.Language.get(text).has_name_data():
        return None
    standard = langcodes.standardize_tag(text)
    # "nld" → "nl"; "prs" stays itself (its standard form is "fa-AF", a region of Persian).
    return standard if standard.isalpha() else text


def language_name(code, language=None):
    """The language's name in `language` (default: the active one), as CLDR writes it."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    standard = langcodes.standardize_tag(code)  # "prs" → "fa-AF", which CLDR names "Dari"
    name = Locale.parse(language.split("-")[0]).languages.get(standard.replace("-", "_"))
    if not name:
        name = langcodes.Language.get(standard).display_name(language)
    return name[:1].upper() + name[1:]  # a label on its own line or checkbox, also in French ("Arabe")
