"""Find the municipality behind what a visitor types: a name in any language, a former name, a postcode or a typo.

The data (programs/places/data/, see SOURCES.md) is small enough to hold in memory: about 665
municipalities, 5,600 postcodes and 7,300 places. Loading it takes a few tens of milliseconds once
per process; every lookup after that is a dictionary access, and the typo-tolerant search compares
the query only with names that share letter pairs with it, so it is cheap enough to run on every
request (programs/tests/test_places.py measures it). Nothing here touches the database, so the importer,
the admin and the finder can use it directly or copy it into models.
"""

import bisect
import csv
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from programs.places.normalise import name_key, plain_key

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nl", "fr", "de", "en", "lb")

# "9000", "B-9000", "BE 9000", "L-4170", "LU4170", optionally followed by a name ("9000 Gent").
_POSTCODE = re.compile(r"^\s*(?:(b|be|l|lu)\s*[-‐–]?\s*)?(\d{4})\b[\s,]*(.*)$", re.IGNORECASE)
_POSTCODE_COUNTRIES = {"b": "BE", "be": "BE", "l": "LU", "lu": "LU"}


class MatchKind(StrEnum):
    """How a typed value matched, best first (the order ranks equally close matches)."""

    NAME = "name"  # today's official name, in one of the municipality's official languages
    EXONYM = "exonym"  # today's name in another language (Ghent, Gand, Anvers, Lüttich, Esch-Uelzecht)
    FORMER = "former"  # a municipality merged into this one (Merelbeke, Nevele, Bertogne, Hobscheid)
    PLACE = "place"  # a place behind one of its postcodes (Borgerhout, Ledeberg, Belvaux)
    POSTCODE = "postcode"


_KIND_RANK = {kind: rank for rank, kind in enumerate(MatchKind)}


@dataclass(frozen=True, slots=True)
class Area:
    """A province (or the Brussels-Capital Region, or Luxembourg), an arrondissement or a canton."""

    code: str
    kind: str  # "province", "arrondissement" or "canton"
    names: dict = field(compare=False, hash=False)
    province: str = ""

    def name(self, language):
        return self.names.get(language) or self.names.get("en") or self.names["fr"]


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str  # Statbel's NIS code in Belgium; "LU-" and the commune's name in Luxembourg (see SOURCES.md)
    country: str  # "BE" or "LU"
    province: str  # ISO 3166-2:BE code as in programs.taxonomy.REGIONS, or "LU"
    district: str  # NIS code of the arrondissement (BE) or ISO 3166-2:LU code of the canton
    languages: tuple  # official languages, the first the default name's
    names: dict = field(compare=False, hash=False)
    postcodes: tuple = field(default=(), compare=False, hash=False)
    location: tuple | None = field(default=None, compare=False, hash=False)  # (latitude, longitude), approximate

    def name(self, language):
        """The name in a language, or in the municipality's first official language where it has none."""
        return self.names.get(language) or self.names[self.languages[0]]

    def distance_km(self, latitude, longitude):
        """Kilometres from a point (a visitor's location) to the municipality's centre, None if unknown."""
        return distance_km(self.location, (latitude, longitude)) if self.location else None


@dataclass(frozen=True, slots=True)
class Match:
    municipality: Municipality
    kind: MatchKind
    matched: str  # the name or postcode that matched, as spelled in the data
    language: str = ""  # the language of the matched name, where known
    distance: int = 0  # edits between what was typed and the matched name (0: exact)
    weight: int = 0  # for a place, how many of the municipality's postcodes carry its name (breaks ties)

    @property
    def rank(self):
        return (self.distance, _KIND_RANK[self.kind], -self.weight)


@dataclass(frozen=True, slots=True)
class _Entry:
    code: str
    kind: MatchKind
    name: str
    language: str = ""
    weight: int = 0


class Gazetteer:
    """The municipalities of Belgium and Luxembourg with every name they are known by."""

    def __init__(self, data=DATA):
        self.provinces = {row["code"]: Area(row["code"], "province", _names(row)) for row in _read(data, "provinces")}
        self.districts = {
            row["code"]: Area(row["code"], row["kind"], _names(row), row["province"])
            for row in _read(data, "districts")
        }
        postcodes = defaultdict(list)
        self._by_postcode = defaultdict(list)
        for row in _read(data, "postcodes"):
            postcodes[row["municipality"]].append(row["postcode"])
            self._by_postcode[row["postcode"]].append(row["municipality"])
        self.municipalities = {
            row["code"]: Municipality(
                code=row["code"],
                country=row["country"],
                province=row["province"],
                district=row["district"],
                languages=tuple(row["languages"].split()),
                names=_names(row),
                postcodes=tuple(sorted(postcodes[row["code"]])),
                location=(float(row["latitude"]), float(row["longitude"])) if row.get("latitude") else None,
            )
            for row in _read(data, "municipalities")
        }
        self.places = defaultdict(list)  # code → [(postcode, place name)]
        self.former_names = defaultdict(list)  # code → [(former name, merged on)]
        entries = []
        for municipality in self.municipalities.values():
            official = {name_key(municipality.names.get(lang, "")) for lang in municipality.languages} - {""}
            for lang, name in municipality.names.items():
                kind = MatchKind.NAME if name_key(name) in official else MatchKind.EXONYM
                entries.append(_Entry(municipality.code, kind, name, lang))
        for row in _read(data, "aliases"):
            kind = MatchKind.FORMER if row["kind"] == "former" else MatchKind.EXONYM
            entries.append(_Entry(row["municipality"], kind, row["name"], row["language"]))
        for row in _read(data, "former_names"):
            self.former_names[row["municipality"]].append((row["name"], row["merged_on"]))
            entries.append(_Entry(row["municipality"], MatchKind.FORMER, row["name"]))
        place_postcodes = Counter()
        for row in _read(data, "places"):
            self.places[row["municipality"]].append((row["postcode"], row["name"]))
            place_postcodes[(row["municipality"], row["name"])] += 1
        for (code, name), count in place_postcodes.items():
            entries.append(_Entry(code, MatchKind.PLACE, name, weight=count))
        self._build_indexes(entries)

    def _build_indexes(self, entries):
        by_key = defaultdict(dict)
        for entry in entries:
            key = name_key(entry.name)
            if key:
                # One entry per municipality and key: its best kind (a name beats a place of the same spelling).
                best = by_key[key].get(entry.code)
                if best is None or _KIND_RANK[entry.kind] < _KIND_RANK[best.kind]:
                    by_key[key][entry.code] = entry
        self._by_key = {key: tuple(found.values()) for key, found in by_key.items()}
        # (key to complete, exact key) pairs: both the normalised key and the key with "Saint" as typed,
        # so "sint-n" and "st n" both find Sint-Niklaas while the visitor is still typing.
        self._prefixes = sorted(
            {(key, key) for key in self._by_key}
            | {(plain_key(e.name), key) for key, found in self._by_key.items() for e in found}
        )
        self._bigrams = defaultdict(list)
        for key in self._by_key:
            for bigram in set(_bigrams(key)):
                self._bigrams[bigram].append(key)

    # Lookups ------------------------------------------------------------------------------------

    def municipality(self, code):
        return self.municipalities.get(code)

    def district(self, code):
        return self.districts.get(code)

    def province(self, code):
        return self.provinces.get(code)

    def by_postcode(self, postcode, country=None):
        """Municipalities of a postcode; 4170 is Comblain-au-Pont in Belgium and Esch-sur-Alzette in Luxembourg."""
        found = [self.municipalities[code] for code in self._by_postcode.get(postcode, ())]
        return [m for m in found if country in (None, m.country)]

    def lookup(self, text, countries=None):
        """Exact matches (after normalisation) of a name in any language, a former name, a place or a postcode.

        `countries` ("BE", "LU") narrows the answer. Several matches mean the value is ambiguous
        ("Beveren": the former municipality now in Beveren-Kruibeke-Zwijndrecht, and places in
        Roeselare and Waregem); they come best first, one per municipality.
        """
        postcode = _POSTCODE.match(text)
        if postcode:
            return self._postcode_matches(postcode, countries)
        return _best_per_municipality(self._exact(name_key(text), countries))

    def search(self, text, limit=10, countries=None):
        """Exact matches, else the closest names within a few typing errors ("Gnet" → Gent, "Merelbek" → Merelbeke).

        The allowed distance grows with the length of what was typed: one edit (a wrong, missing,
        extra or swapped letter) up to four letters, two up to nine, three beyond.
        """
        exact = self.lookup(text, countries)
        if exact or _POSTCODE.match(text):
            return exact[:limit]
        key = name_key(text)
        if len(key) < 3:
            return []
        allowed = 1 if len(key) <= 4 else 2 if len(key) <= 9 else 3
        typed, masks = set(_bigrams(key)), _letter_masks(key)
        best, closest = allowed, []
        for candidate, shared in self._candidates(key, typed, allowed):
            if _fewest_edits(len(typed), shared) > best:
                break  # candidates come by shared letter pairs: none of the rest can be as close
            distance = _osa_distance(key, masks, candidate)
            if distance < best:
                best, closest = distance, []
            if distance == best:
                closest.append(candidate)
        matches = [
            Match(self.municipalities[e.code], e.kind, e.name, e.language, best, e.weight)
            for candidate in closest
            for e in self._by_key[candidate]
        ]
        return _best_per_municipality(_in_countries(matches, countries))[:limit]

    def suggest(self, prefix, limit=10, countries=None):
        """Names that start with what has been typed so far, for suggestions as the visitor types."""
        matches = []
        for typed in {name_key(prefix), plain_key(prefix)}:
            if len(typed) < 2:
                continue
            for completed, key in self._prefixes[bisect.bisect_left(self._prefixes, (typed,)) :]:
                if not completed.startswith(typed):
                    break
                distance = len(completed) - len(typed)
                matches += [
                    Match(self.municipalities[e.code], e.kind, e.name, e.language, distance, e.weight)
                    for e in self._by_key[key]
                ]
        return _best_per_municipality(_in_countries(matches, countries))[:limit]

    # Internals ----------------------------------------------------------------------------------

    def _exact(self, key, countries):
        matches = [
            Match(self.municipalities[e.code], e.kind, e.name, e.language, 0, e.weight)
            for e in self._by_key.get(key, ())
        ]
        return _in_countries(matches, countries)

    def _postcode_matches(self, postcode, countries):
        prefix, code, rest = postcode.groups()
        if prefix:
            countries = (_POSTCODE_COUNTRIES[prefix.casefold()],)
        matches = _in_countries(
            [Match(m, MatchKind.POSTCODE, code) for m in self.by_postcode(code)],
            countries,
        )
        if rest and matches:
            # "9050 Ledeberg": keep the municipalities of that postcode that the name also matches.
            named = {m.municipality.code for m in self._exact(name_key(rest), countries)}
            matches = [m for m in matches if m.municipality.code in named] or matches
        return matches

    def _candidates(self, key, typed, allowed):
        """(name, shared letter pairs) of the names that can lie within `allowed` edits, most shared first."""
        shared = Counter()
        for bigram in typed:
            shared.update(self._bigrams.get(bigram, ()))
        nearby = [
            (k, n)
            for k, n in shared.items()
            if _fewest_edits(len(typed), n) <= allowed and abs(len(k) - len(key)) <= allowed
        ]
        nearby.sort(key=lambda pair: -pair[1])
        return nearby


def distance_km(a, b):
    """Great-circle distance in kilometres between two (latitude, longitude) points (haversine)."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _read(data, name):
    with open(data / f"{name}.csv", newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows)
        return [dict(zip(header, row, strict=True)) for row in rows]


def _names(row):
    return {lang: row[f"name_{lang}"] for lang in LANGUAGES if row.get(f"name_{lang}")}


def _bigrams(key):
    padded = f"^{key}$"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


def _fewest_edits(typed_pairs, shared_pairs):
    """A lower bound on the edits between two names from their shared letter pairs.

    One edit changes at most three letter pairs (swapping two letters: "gent" → "gnet" loses
    "ge", "en", "nt"), so names that differ in k pairs are at least k / 3 edits apart.
    """
    return -(-(typed_pairs - shared_pairs) // 3)


def _in_countries(matches, countries):
    return [m for m in matches if not countries or m.municipality.country in countries]


def _best_per_municipality(matches):
    best = {}
    for match in sorted(matches, key=lambda m: (m.rank, m.municipality.code)):
        best.setdefault(match.municipality.code, match)
    return list(best.values())


def _letter_masks(word):
    """For each letter, a bit mask of its positions in the word (the pattern for `_osa_distance`)."""
    masks = {}
    for position, letter in enumerate(word):
        masks[letter] = masks.get(letter, 0) | (1 << position)
    return masks


def _osa_distance(word, masks, other):
    """Optimal string alignment distance: Levenshtein plus swapped neighbours ("gnet" → "gent" is one edit).

    Hyyrö's bit-parallel form (2003): one pass over `other` with a few integer operations per
    letter, several times faster in Python than filling the table cell by cell. `masks` is
    `_letter_masks(word)`, computed once per search.
    """
    if not word:
        return len(other)
    vp, vn, d0, previous_match = ~0, 0, 0, 0
    distance, last = len(word), 1 << (len(word) - 1)
    for letter in other:
        match = masks.get(letter, 0)
        transposed = ((~d0 & match) << 1) & previous_match
        d0 = (((match & vp) + vp) ^ vp) | match | vn | transposed
        hp = vn | ~(d0 | vp)
        hn = d0 & vp
        if hp & last:
            distance += 1
        elif hn & last:
            distance -= 1
        hp = (hp << 1) | 1
        vp = (hn << 1) | ~(d0 | hp)
        vn = hp & d0
        previous_match = match
    return distance


@cache
def gazetteer():
    """The shared, loaded gazetteer (built on first use, then kept for the process)."""
    return Gazetteer()
