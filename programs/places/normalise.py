"""How a typed place name becomes a comparison key.

Visitors type "st-niklaas", "Sint Niklaas", "SAINT-NICOLAS", "Liege" or "Esch/Alzette"; the
official spellings are "Sint-Niklaas", "Saint-Nicolas", "Liège" and "Esch-sur-Alzette". Keys
ignore case, accents, punctuation and spacing, and read every form of "Saint" (st, sint, saint,
sankt) as one word, so the first four pairs meet exactly; the typo-tolerant search
(programs.places.gazetteer) catches what is left.
"""

import re
import unicodedata
from functools import lru_cache

# Every way of writing "Saint" in the names of Belgium and Luxembourg, reduced to one token.
SAINT_FORMS = {"st": "st", "sint": "st", "saint": "st", "sankt": "st", "ste": "ste", "sainte": "ste"}

_SEPARATORS = re.compile(r"[^0-9a-z]+")


# Letters that Unicode does not decompose into a base letter and an accent.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def fold(text):
    """Lower-case, accent-free ASCII: "Liège" → "liege", "Ëlwen" → "elwen", "Straße" → "strasse"."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LIGATURES)
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=16384)
def words(text):
    """The words of a name, folded, with "Saint" in any form as "st" ("Sint-Niklaas" → ("st", "niklaas"))."""
    return tuple(SAINT_FORMS.get(word, word) for word in _SEPARATORS.split(fold(text)) if word)


def normalise(text):
    """A name as words separated by single spaces: "  Sint-Genesius-Rode " → "st genesius rode"."""
    return " ".join(words(text))


def name_key(text):
    """The exact-match key: the normalised words run together, so "Merelbeke Melle" == "Merelbeke-Melle"."""
    return "".join(words(text))


def plain_key(text):
    """Like name_key but keeping "Saint" as typed, for completing a word still being typed ("sin" → "sint…")."""
    return "".join(word for word in _SEPARATORS.split(fold(text)) if word)
