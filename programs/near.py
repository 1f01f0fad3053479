""" "Near you": the place a visitor types in the finder, and how close each programme is to it.

The visitor types a postcode or a municipality (any name the gazetteer in programs/places knows,
with typos); `resolve_place` turns it into today's municipality, or into a short "did you mean"
list when the text fits several municipalities equally well or none closely. The finder then keeps
the programmes within reach and orders them by tier:

0. programmes serving that municipality;
1. programmes serving another municipality of its arrondissement (Belgium) or canton (Luxembourg);
2. programmes working in its province (the Brussels-Capital Region, the Grand Duchy);
3. programmes working online.

The tier is computed the same way on the database (`tier_expression`, a CASE over indexed joins)
and from a search document's facet codes (`tier_from_codes`, for text searches on either search
backend), so a place combines with a text query and every facet on every backend. Each card
says why it is listed (`reason`).
"""

import re
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from programs.models import ProgramMunicipality, ProgramPage
from programs.places import MatchKind, gazetteer

OUT_OF_REACH = 4
MAX_PLACE_LENGTH = 100
MAX_CHOICES = 6


@dataclass
class Place:
    """What the visitor's text resolved to: a municipality, or the choices to offer."""

    text: str
    municipality: object = None  # programs.places.Municipality
    choices: list = field(default_factory=list)  # Municipality objects, best first ("did you mean")
    corrected: bool = False  # found through a typo or another name: say which municipality is meant

    @property
    def code(self):
        return self.municipality.code if self.municipality else ""

    def name(self, language):
        return self.municipality.name(language) if self.municipality else ""

    def codes(self):
        """The search documents' facet codes of each tier (search/documents.py writes them)."""
        m = self.municipality
        return (f"municipality:{m.code}", f"district:{m.district}", f"region:{m.province}", "region:online")

    def tier_from_codes(self, codes):
        """The tier of a search document from its facet codes (a set of "param:code" strings); None when out
        of reach. The search backends ask the place (search/backends/common.py)."""
        return next((tier for tier, code in enumerate(self.codes()) if code in codes), None)


def resolve_place(text):
    """A `Place` for what was typed ("9050", "Gand", "merelbek", "L-4170"), or None for empty text."""
    text = " ".join((text or "").split())[:MAX_PLACE_LENGTH]
    if not text:
        return None
    # A suggestion names the municipality after a place or former name: "Borgerhout (Antwerpen)".
    name = re.sub(r"\s*\([^()]*\)$", "", text) or text
    matches = gazetteer().search(name, limit=MAX_CHOICES + 1)
    if not matches:
        return Place(text)
    best = matches[0]
    tied = [m for m in matches if m.rank[:2] == best.rank[:2]]
    if best.kind == MatchKind.POSTCODE and len(matches) > 1:
        return Place(text, choices=[m.municipality for m in matches[:MAX_CHOICES]])
    if len(tied) > 1:
        return Place(text, choices=[m.municipality for m in tied[:MAX_CHOICES]])
    corrected = best.distance > 0 or best.kind not in (MatchKind.NAME, MatchKind.POSTCODE)
    return Place(text, municipality=best.municipality, corrected=corrected)


def tier_expression(place):
    """A CASE giving each ProgramPage its tier for `place` (OUT_OF_REACH when it is not within reach)."""
    m = place.municipality
    serving = ProgramMunicipality.objects.filter(municipality__nis_code=m.code).values("page_id")
    nearby = ProgramMunicipality.objects.filter(municipality__district_code=m.district).values("page_id")
    regions = ProgramPage.regions.through.objects
    in_province = regions.filter(region__code=m.province).values("programpage_id")
    online = regions.filter(region__code="online").values("programpage_id")
    return Case(
        When(Q(pk__in=serving), then=Value(0)),
        When(Q(pk__in=nearby), then=Value(1)),
        When(Q(pk__in=in_province), then=Value(2)),
        When(Q(pk__in=online), then=Value(3)),
        default=Value(OUT_OF_REACH),
        output_field=IntegerField(),
    )


def tier_from_codes(place, codes):
    """The tier of a search document from its facet codes (a set of "param:code" strings)."""
    tier = place.tier_from_codes(codes)
    return OUT_OF_REACH if tier is None else tier


def reason(place, tier, language):
    """Why a programme is listed for this place, in the visitor's language ("serves Merelbeke-Melle")."""
    m = place.municipality
    if tier == 0:
        return _("serves %(place)s") % {"place": m.name(language)}
    if tier == 1:
        district = gazetteer().district(m.district)
        if district is None:
            return _("near %(place)s") % {"place": m.name(language)}
        if district.kind == "canton":
            return _("in your canton (%(name)s)") % {"name": district.name(language)}
        return _("in your arrondissement (%(name)s)") % {"name": district.name(language)}
    if tier == 2:
        if m.province == "BE-BRU":
            return _("in the Brussels-Capital Region")
        if m.province == "LU":
            return _("in the Grand Duchy of Luxembourg")
        return _("in your province")
    if tier == 3:
        return _("online")
    return ""


def suggestions(prefix, language, limit=8):
    """Names completing what was typed, in the visitor's language where the name matched another."""
    found = []
    for match in gazetteer().suggest(prefix, limit=limit):
        municipality = match.municipality
        name = municipality.name(language)
        if match.kind == MatchKind.POSTCODE:
            label = f"{match.matched} {name}"
        elif match.kind in (MatchKind.FORMER, MatchKind.PLACE) and match.matched != name:
            label = f"{match.matched} ({name})"
        else:
            label = name
        if label not in found:
            found.append(label)
    return found
