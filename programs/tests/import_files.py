"""Generated import files of any size (tests of the streaming import and bench/import_bench.py).

Every row is valid and realistic: all columns filled, two-paragraph descriptions with French and English
translations, municipalities by name or postcode, one organisation per 25 programmes (so 100,000 rows
onboard 4,000 organisations).
"""

import csv
import random

from programs.importer import COLUMNS

PLACES = [
    ("BE-VAN", "Antwerpen;2640", "Antwerpen", "2000", 51.2194, 4.4025),
    ("BE-VOV", "Gent", "Gent", "9000", 51.0543, 3.7174),
    ("BE-BRU", "Brussel;1030", "Brussel", "1000", 50.8467, 4.3525),
    ("BE-WLG", "Liège", "Liège", "4000", 50.6326, 5.5797),
    ("BE-VLI", "Hasselt", "Hasselt", "3500", 50.9307, 5.3325),
    ("BE-VWV", "Brugge;8400", "Brugge", "8000", 51.2093, 3.2247),
    ("LU", "Luxembourg", "Luxembourg", "L-1111", 49.6116, 6.1319),
    ("BE-WHT", "Mons", "Mons", "7000", 50.4542, 3.9566),
]
THEMES = ["social", "language", "work", "housing", "education", "administration", "leisure", "digital"]
TARGETS = ["adults", "young-people", "families", "women", "students"]
LANGUAGES = ["nl", "fr", "en", "ar", "uk", "prs", "ti", "so"]
PER_ORGANISATION = 25


def programme_row(n, rng):
    region, municipalities, city, postcode, latitude, longitude = PLACES[n % len(PLACES)]
    organisation = f"Buddywerk {n // PER_ORGANISATION:05d}"
    slug = f"bw{n // PER_ORGANISATION:05d}"
    return {
        "external_id": f"gen-{n:06d}",
        "organisation": organisation,
        "organisation_website": f"https://{slug}.example",
        "organisation_email": f"info@{slug}.example",
        "name": f"Taalbuddy {n}",
        "summary": f"Samen Nederlands oefenen in {city}, programma {n}.",
        "description": f"Een vrijwilliger en een nieuwkomer spreken af ({n}).\n\nZe oefenen Nederlands & leren.",
        "themes": ";".join(rng.sample(THEMES, 2)),
        "target_groups": rng.choice(TARGETS),
        "regions": region,
        "municipalities": municipalities,
        "languages": ";".join(rng.sample(LANGUAGES, 2)),
        "modes": rng.choice(["in-person", "online", "hybrid"]),
        "volunteer_commitment": "Zes maanden, elke week.",
        "min_volunteer_age": str(rng.choice([16, 18, 21])),
        "accepting_volunteers": rng.choice(["open", "waitlist", "closed"]),
        "accepting_newcomers": rng.choice(["open", "waitlist"]),
        "status": "active",
        "notice": "",
        "signup_url": f"https://{slug}.example/aanmelden/{n}",
        "contact_name": "Sara",
        "contact_email": f"sara@{slug}.example",
        "contact_phone": "+32 3 123 45 67",
        "address": f"Kerkstraat {n % 200 + 1}",
        "postcode": postcode,
        "city": city,
        "latitude": f"{latitude + rng.uniform(-0.02, 0.02):.6f}",
        "longitude": f"{longitude + rng.uniform(-0.02, 0.02):.6f}",
        "last_verified": "2026-03-01",
        "name_fr": f"Binôme linguistique {n}",
        "summary_fr": f"Pratiquer le néerlandais ensemble à {city}.",
        "description_fr": f"Un bénévole et un nouvel arrivant se rencontrent ({n}).\n\nIls parlent néerlandais.",
        "name_en": f"Language buddy {n}",
        "summary_en": f"Practise Dutch together in {city}.",
        "description_en": f"A volunteer and a newcomer meet ({n}).\n\nThey practise Dutch.",
    }


def write_programmes_csv(path, count, *, seed=2026, start=0, change=None):
    """Write `count` programmes as CSV to `path`; `change(n, row)` may alter a row (to plant an error)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for n in range(start, start + count):
            row = programme_row(n, rng)
            if change:
                row = change(n, row) or row
            writer.writerow(row)
    return path
