"""The finder with a place ("near you") and two facets at 10,000 programmes, on both search backends.

Measures the server time (in-process, request to rendered response) of
`GET /nl/buddyprogrammas/?place=…&theme=…&region=…` (the overview on the database) and the same with
a text query `q` (matched by the backend under test: the PostgreSQL database backend, or
Elasticsearch), as p50 / p95 over --requests requests. The places are what visitors type: postcodes,
names in other languages, former municipalities, a Luxembourg commune, a typo. Every programme
serves one to three municipalities.

Usage (a throwaway database is created on the server DATABASE_URL names and dropped at the end):

    DATABASE_URL="$(scripts/postgres start)" scripts/search-server start
    DATABASE_URL="$(scripts/postgres url)" .venv/bin/python bench/near_bench.py [--size 10000]

Prints the figures and writes bench/NEAR_RESULTS.md. Not a timed test.
"""

import argparse
import importlib.util
import os
import platform
import random
import statistics
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("search_bench", ROOT / "bench" / "search_bench.py")
search_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_bench)

PLACES = ["9820", "Merelbeke", "Gand", "Anvers", "Borgerhout", "Ledeberg", "Schifflange", "L-4170", "Luik", "Gnet"]


def serve_municipalities(rng):
    """Link every programme to one to three municipalities (bulk), as imports do."""
    from programs.models import Municipality, ProgramMunicipality, ProgramPage

    municipalities = list(Municipality.objects.values_list("pk", flat=True))
    links = [
        ProgramMunicipality(page_id=page_id, municipality_id=municipality, sort_order=n)
        for page_id in ProgramPage.objects.values_list("pk", flat=True)
        for n, municipality in enumerate(rng.sample(municipalities, rng.randint(1, 3)))
    ]
    ProgramMunicipality.objects.bulk_create(links, batch_size=2000)
    return len(links)


def latencies(backend_settings, requests, rng, text):
    from django.core.cache import cache
    from django.test import Client, override_settings

    from programs import taxonomy

    client = Client()
    themes = list(taxonomy.THEMES)
    regions = [code for code in taxonomy.REGIONS if code != "online"]
    samples = []
    with override_settings(WAGTAILSEARCH_BACKENDS=backend_settings):
        cache.clear()
        for i in range(requests + 5):
            params = {"place": rng.choice(PLACES), "theme": rng.choice(themes), "region": rng.choice(regions)}
            if text:
                params["q"] = rng.choice(search_bench.QUERIES)
            start = time.perf_counter()
            response = client.get("/nl/buddyprogrammas/", params)
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.status_code
            if i >= 5:
                samples.append(elapsed * 1000)
    samples.sort()
    return {
        "p50": statistics.median(samples),
        "p95": samples[max(0, int(round(0.95 * len(samples))) - 1)],
        "n": len(samples),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--output", default=str(ROOT / "bench" / "NEAR_RESULTS.md"))
    args = parser.parse_args()

    search_bench.setup_django()
    from django.conf import settings
    from django.db import connection
    from django.db.models.signals import post_save
    from django.test.utils import override_settings

    from search import signals

    settings.DATABASES["default"]["TEST"]["NAME"] = "campaign_near_bench"
    rng = random.Random(2026)
    load_before = os.getloadavg()
    prefix = f"bench_{uuid.uuid4().hex[:6]}_"
    settings_for = search_bench.backends(prefix)
    creation = connection.creation
    print("Creating the benchmark database (migrations)…", flush=True)
    old_name = creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    rows = []
    try:
        post_save.disconnect(dispatch_uid="search_documents_saved")
        with override_settings(WAGTAILSEARCH_BACKENDS=settings_for["database"]):
            index = search_bench.make_site()
            start = time.perf_counter()
            search_bench.add_programmes(index, args.size, rng)
            links = serve_municipalities(rng)
            print(f"{args.size} programmes, {links} municipality links in {time.perf_counter() - start:.1f} s")
        signals.connect()
        print(f"indexes built: {search_bench.build_indexes(settings_for)}", flush=True)
        for label, name, text in (
            ("place + two facets, no text (database)", "database", False),
            ("place + two facets + text, PostgreSQL database backend", "database", True),
            ("place + two facets + text, Elasticsearch 9.5", "server", True),
        ):
            latency = latencies(settings_for[name], args.requests, rng, text)
            print(f"{args.size} {label}: {latency}", flush=True)
            rows.append((label, latency))
    finally:
        search_bench.delete_indexes(settings_for["server"], prefix)
        creation.destroy_test_db(old_name, verbosity=0)

    lines = [
        "# Near-you benchmark",
        "",
        f"Written by `bench/near_bench.py`: {args.size:,} programmes, each serving 1–3 municipalities;",
        "`GET /nl/buddyprogrammas/?place=…&theme=…&region=…` (places as typed: postcodes, other languages,",
        f"former names, Luxembourg, a typo), rendered in full, timed in-process over {args.requests} requests",
        "after 5 warm-up requests.",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}; load average "
        f"{load_before[0]:.1f} before, {os.getloadavg()[0]:.1f} after (other work shared the machine).",
        "",
        "| request | p50 (ms) | p95 (ms) |",
        "|---|---:|---:|",
    ]
    lines += [f"| {label} | {r['p50']:.1f} | {r['p95']:.1f} |" for label, r in rows]
    Path(args.output).write_text("\n".join(lines) + "\n")
    print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
