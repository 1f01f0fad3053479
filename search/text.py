"""Language-aware text handling shared by both search backends.

The search server analyses text itself (see search/backends/server.py);
the database backend cannot stem or fold accents in every database, so for it
we index a folded, stemmed copy of each document's text and expand each query
word into the same forms. Snippets and highlighting are computed here too, so
they look the same whichever backend answered.
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

# Longest query we look at; anything longer is cut (and the visitor told so).
MAX_QUERY_LENGTH = 200
# At most this many words of a query count; the rest are ignored.
MAX_QUERY_TERMS = 12

STEMMER_LANGUAGES = {"nl": "dutch", "fr": "french", "en": "english"}
# Every site language has its own analysed fields on the search server (search/backends/server.py):
# a locale's facts (labels, places) are analysed in its language, a text in the language it is written in.
ANALYSED_LANGUAGES = ("nl", "fr", "en", "ar", "uk", "fa", "ti")

WORD_RE = re.compile(r"\w+", re.UNICODE)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028-\u202e\ufeff]")
SPACE_RE = re.compile(r"\s+")


def clean_query(raw):
    """The query as we will use it: printable, single-spaced and at most MAX_QUERY_LENGTH characters.

    Returns (query, was_truncated).
    """
    if not isinstance(raw, str):
        return "", False
    text = CONTROL_RE.sub(" ", raw)
    # Lone surrogates cannot be encoded for the database or the search server.
    text = text.encode("utf-8", "ignore").decode("utf-8")
    text = SPACE_RE.sub(" ", text).strip()
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] if " " in text[:MAX_QUERY_LENGTH] else text[:MAX_QUERY_LENGTH]
    return text, truncated


def fold(text):
    """Lower-case and strip accents: "Bénévole" -> "benevole"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text):
    return WORD_RE.findall(text or "")


def query_terms(query):
    """The distinct folded words of a query (at most MAX_QUERY_TERMS), in order."""
    seen = []
    for word in words(fold(query)):
        word = word.strip("_")
        if word and word not in seen:
            seen.append(word)
        if len(seen) == MAX_QUERY_TERMS:
            break
    return seen


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMER_LANGUAGES[language])


@lru_cache(maxsize=20000)
def stem(word, language):
    """The snowball stem of a folded word in `language` (nl, fr or en)."""
    if language not in STEMMER_LANGUAGES or len(word) < 3 or word.isdigit():
        return word
    return _stemmer(language).stemWord(word)


def stems_text(text, language):
    """The folded stems of a text, distinct, space-separated: what the database backend indexes."""
    seen = dict.fromkeys(stem(word, language) for word in words(fold(text or "")))
    return " ".join(seen)


def term_variants(term):
    """Every form of a query word that may appear in the stems text: the word and its stem in each language."""
    variants = [term]
    for language in STEMMER_LANGUAGES:
        stemmed = stem(term, language)
        if stemmed and stemmed not in variants:
            variants.append(stemmed)
    return variants


def _matches(word, terms):
    """Whether a folded word of the text is a form of one of the query terms."""
    for term in terms:
        if word == term:
            return True
        for language in STEMMER_LANGUAGES:
            if stem(word, language) == stem(term, language) and len(stem(term, language)) >= 3:
                return True
    return False


def _marked(text, hits, start, end):
    parts = []
    position = start
    for match in hits:
        if match.start() < start or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    return "".join(parts)


def _hits(text, query):
    terms = query_terms(query)
    if not terms:
        return []
    return [m for m in WORD_RE.finditer(text) if _matches(fold(m.group()), terms)]


def highlight(text, query, *, length=240):
    """An HTML snippet of `text` around the first query word, query words in <mark>, everything else escaped."""
    text = SPACE_RE.sub(" ", text or "").strip()
    if not text:
        return ""
    hits = _hits(text, query)
    start = 0
    if hits and hits[0].end() > length:
        first = hits[0].start()
        start = max(0, first - length // 3)
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    snippet = ("…" if start else "") + _marked(text, hits, start, end) + ("…" if end < len(text) else "")
    return mark_safe(snippet)  # noqa: S308 (every piece of text is escaped by _marked)


def highlight_title(title, query):
    """The whole title, escaped, with the query words marked."""
    title = title or ""
    return mark_safe(_marked(title, _hits(title, query), 0, len(title)))  # noqa: S308


_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain_text(rich_text_html):
    """Rich text as one line of plain text: a space between paragraphs, entities decoded."""
    return " ".join(html.unescape(strip_tags(_BLOCK_END.sub(r"\g<0> ", str(rich_text_html)))).split())
