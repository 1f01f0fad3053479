"""Trilingual demo text and the helpers that turn it into page values and translations.

Demo content is written once, with each string's Dutch, French and English side
by side (`T` for plain text, `R` for rich text). `localize` gives the value in
one language; `translation_map` gives the source→translation strings that
`home.translation.translate_instance` expects, in wagtail-localize's own
segment form (escaped plain text, rich text split per block element).
"""

import re
from dataclasses import dataclass

from wagtail.rich_text import RichText
from wagtail_localize.strings import StringValue, extract_strings

SOURCE_LANGUAGE = "nl"
LANGUAGES = ("nl", "fr", "en")

# French puts a (non-breaking) space before ? ! : ; so the sign never wraps onto a line of its own.
_FRENCH_SPACE = re.compile(r" ([?!:;])")


def _typeset(text, code):
    if code == "fr":
        return _FRENCH_SPACE.sub("\u00a0\\1", text)
    return text


@dataclass(frozen=True)
class T:
    """A plain-text string in Dutch, French and English; on the newcomer path also Arabic, Ukrainian, Persian and
    Tigrinya (empty where a page is not translated into those)."""

    nl: str
    fr: str
    en: str
    ar: str = ""
    uk: str = ""
    fa: str = ""
    ti: str = ""

    def get(self, code):
        return _typeset(getattr(self, code), code)

    def segments(self, code):
        """(source segment, translated segment) pairs, as wagtail-localize stores plain text."""
        return [(StringValue.from_plaintext(self.nl).data, StringValue.from_plaintext(self.get(code)).data)]


@dataclass(frozen=True)
class R(T):
    """Rich text (HTML) in Dutch, French and English; the three must have the same elements."""

    def segments(self, code):
        _template, source = extract_strings(self.nl)
        _template, target = extract_strings(self.get(code))
        if len(source) != len(target):
            raise ValueError(
                f"The {code} rich text has {len(target)} segments, the Dutch {len(source)}: {self.nl[:60]!r}"
            )
        return [(s.data, t.data) for (s, _attrs), (t, _attrs2) in zip(source, target, strict=True)]


@dataclass(frozen=True)
class Ref:
    """A page or image the loader made earlier, by its key (for choosers and foreign keys)."""

    key: str


class MissingRef(KeyError):
    pass


# A link to a page the loader makes, in rich text: <a linktype="page" id="ref:KEY">, KEY as for `Ref`.
_PAGE_LINK_REF = re.compile(r'(<a linktype="page" id=")ref:([a-z_]+)(")')


def _resolve_page_links(html, refs):
    """Wagtail's own page links (rendered with the page's translation in the reader's language) by page id."""

    def page_id(match):
        key = match.group(2)
        if refs is None or key not in refs:
            raise MissingRef(key)
        return f"{match.group(1)}{refs[key].pk}{match.group(3)}"

    return _PAGE_LINK_REF.sub(page_id, html)


def localize(value, code, refs=None):
    """`value` with every T/R in language `code` and every Ref resolved from `refs`."""
    if isinstance(value, R):
        return RichText(_resolve_page_links(value.get(code), refs))
    if isinstance(value, T):
        return value.get(code)
    if isinstance(value, Ref):
        if refs is None or value.key not in refs:
            raise MissingRef(value.key)
        return refs[value.key]
    if isinstance(value, dict):
        return {key: localize(item, code, refs) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, code, refs) for item in value]
    if isinstance(value, tuple):
        return tuple(localize(item, code, refs) for item in value)
    return value


def iter_texts(value):
    if isinstance(value, T):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_texts(item)


def has_language(value, code):
    """Whether every string in `value` is written in language `code`."""
    return all(getattr(text, code) for text in iter_texts(value))


def translation_map(value, code):
    """{Dutch segment: translated segment} for every string in `value`."""
    strings = {}
    for text in iter_texts(value):
        for source, target in text.segments(code):
            if strings.get(source, target) != target:
                raise ValueError(f"{source!r} has two different {code} translations")
            strings[source] = target
    return strings
