"""Finder latency and search index build time at 1,000 and 10,000 programmes.

Measures, for each size, on the PostgreSQL database backend and on the search server:
- the server time (in-process, request to rendered response) of finder requests that combine a
  text query with two facets, as p50 / p95 over --requests requests;
- the time to build the search documents and then the backend's index (`update_index` for the
  search documents).

Usage (a throwaway database `campaign_search_bench` is created on the server DATABASE_URL names
and dropped at the end):

    DATABASE_URL="$(scripts/postgres start)" scripts/search-server start
    DATABASE_URL="$(scripts/postgres url)" .venv/bin/python bench/search_bench.py [--sizes 1000 10000]

Writes bench/SEARCH_RESULTS.md. Programmes are created in bulk in the nl locale only (the finder
serves one locale per request), 100 programmes per organisation.
"""

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.test")

_WORDS = """
    vluchteling nieuwkomer vrijwilliger buddy taal woning werk school samen koken wandelen fietsen
    administratie gezin jongeren vrouwen studenten sport cultuur digitaal computer netwerk vriendschap
    begeleiding huisvesting sollicitatie opleiding bibliotheek muziek voetbal tuinieren
"""
WORDS = _WORDS.split()
_CITIES = "Antwerpen Gent Brugge Leuven Hasselt Mechelen Brussel Namen Luik Bergen Aarlen Kortrijk Genk"
CITIES = _CITIES.split()
QUERIES = ["vluchtelingen", "taal", "woning zoeken", "werk", "fietsen", "jongeren sport", "buddy", "koken samen"]


def setup_django():
    import django
    from django.conf import settings

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server (scripts/postgres start prints one).")
    django.setup()
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = "campaign_search_bench"
    # As in production (base settings): one connection kept across requests, not one per request.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 60
    settings.ALLOWED_HOSTS = ["*"]


def server_url():
    url = os.environ.get("SEARCH_SERVER_URL") or os.environ.get("ELASTICSEARCH_URL")
    if url:
        return url
    return subprocess.run([str(ROOT / "scripts/search-server"), "url"], capture_output=True, text=True).stdout.strip()


def backends(prefix):
    database = {"BACKEND": "search.backends.database", "AUTO_UPDATE": False}
    return {
        "database": {"default": database},
        "server": {
            "default": {
                "BACKEND": "search.backends.elasticsearch",
                "URLS": [server_url()],
                "INDEX_PREFIX": prefix,
                "FALLBACK": "database",
                "AUTO_UPDATE": False,
            },
            "database": database,
        },
    }


def make_site():
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from programs.models import ProgramIndexPage

    nl = Locale.objects.get_or_create(language_code="nl")[0]
    for code in ("fr", "en"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = root.add_child(
        instance=HomePage(title="Home", slug="home", hero_heading="Bench", hero_text="Bench", locale=nl)
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    return home.add_child(instance=ProgramIndexPage(title="Buddyprogramma's", slug="buddyprogrammas", locale=nl))


def add_programmes(index, total, rng, per_organisation=100):
    """Organisations through Wagtail, their programmes in bulk (Page rows, ProgramPage rows, taxonomy links)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page

    from programs.models import OrganisationPage, ProgramPage, Region, Theme

    themes = list(Theme.objects.all())
    regions = list(Region.objects.all())
    content_type = ContentType.objects.get_for_model(ProgramPage)
    now = timezone.now()
    made = 0
    with transaction.atomic():
        while made < total:
            n = len(OrganisationPage.objects.all()) + 1
            city = rng.choice(CITIES)
            organisation = index.add_child(
                instance=OrganisationPage(title=f"Buddywerk {city} {n}", slug=f"org-{n}", locale_id=index.locale_id)
            )
            count = min(per_organisation, total - made)
            pages = []
            for i in range(1, count + 1):
                name = f"{rng.choice(WORDS).capitalize()}buddy {city} {n}-{i}"
                slug = f"p-{n}-{i}"
                pages.append(
                    Page(
                        path=OrganisationPage._get_path(organisation.path, organisation.depth + 1, i),
                        depth=organisation.depth + 1,
                        numchild=0,
                        title=name,
                        draft_title=name,
                        slug=slug,
                        url_path=f"{organisation.url_path}{slug}/",
                        content_type=content_type,
                        locale_id=index.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            Page.objects.filter(pk=organisation.pk).update(numchild=count)
            rows, theme_links, region_links = [], [], []
            for page in pages:
                summary = " ".join(rng.choice(WORDS) for _ in range(14))
                rows.append(
                    ProgramPage(page_ptr_id=page.pk, summary=summary[:300], description=f"<p>{summary} {city}.</p>")
                )
                theme_links += [(page.pk, t.pk) for t in rng.sample(themes, rng.randint(1, 3))]
                region_links += [(page.pk, r.pk) for r in rng.sample(regions, rng.randint(1, 2))]
            # Only the programme table: the Page rows exist (bulk_create refuses multi-table models).
            ProgramPage.objects._insert(rows, fields=ProgramPage._meta.local_concrete_fields)
            ProgramPage.themes.through.objects.bulk_create(
                [ProgramPage.themes.through(programpage_id=p, theme_id=t) for p, t in theme_links]
            )
            ProgramPage.regions.through.objects.bulk_create(
                [ProgramPage.regions.through(programpage_id=p, region_id=r) for p, r in region_links]
            )
            made += count
    return made


def build_indexes(settings_for):
    """Seconds to build the search documents, then each backend's index of them."""
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from search.documents import rebuild_all

    timings = {}
    start = time.perf_counter()
    rebuild_all()
    timings["documents"] = time.perf_counter() - start

    for name, backend_settings in settings_for.items():
        with override_settings(WAGTAILSEARCH_BACKENDS=backend_settings):
            start = time.perf_counter()
            call_command("update_index", "--backend", "default", verbosity=0)
            timings[name] = time.perf_counter() - start
    # Fresh statistics for the planner, as autovacuum keeps them on a running server (bulk inserts
    # leave none, and PostgreSQL then plans the text match as if a table held one row). Not timed.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return timings


def finder_latencies(backend_settings, requests, rng, text=True):
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
            params = {"theme": rng.choice(themes), "region": rng.choice(regions)}
            if text:
                params["q"] = rng.choice(QUERIES)
            start = time.perf_counter()
            response = client.get("/nl/buddyprogrammas/", params)
            elapsed = time.perf_counter() - start
            assert response.status_code == 200, response.status_code
            if i >= 5:  # the first requests warm caches and connections
                samples.append(elapsed * 1000)
    samples.sort()
    return {
        "p50": statistics.median(samples),
        "p95": samples[max(0, int(round(0.95 * len(samples))) - 1)],
        "n": len(samples),
    }


def delete_indexes(server_settings, prefix):
    """Delete the run's indexes on the search server, by name only; a failure is printed, not raised."""
    from django.test import override_settings

    from wagtail.search.backends import get_search_backend

    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=server_settings):
            es = get_search_backend("default").es
            names = list(es.indices.get(index=f"{prefix}*"))
            if names:
                es.indices.delete(index=names)
    except Exception as error:  # the report matters more than the clean-up
        print(f"Could not delete the benchmark indexes: {error}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--output", default=str(ROOT / "bench" / "SEARCH_RESULTS.md"))
    args = parser.parse_args()

    setup_django()
    from django.db import connection
    from django.test.utils import override_settings

    from search import signals

    rng = random.Random(2026)
    load_before = os.getloadavg()
    prefix = f"bench_{uuid.uuid4().hex[:6]}_"
    settings_for = backends(prefix)
    creation = connection.creation
    print("Creating the benchmark database (migrations)…", flush=True)
    old_name = creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    rows = []
    try:
        # Bulk data: no per-page signals (the documents and indexes are built, and timed, afterwards).
        from django.db.models.signals import post_save

        post_save.disconnect(dispatch_uid="search_documents_saved")
        with override_settings(WAGTAILSEARCH_BACKENDS=settings_for["database"]):
            index = make_site()
        signals.connect()
        total = 0
        for size in sorted(args.sizes):
            post_save.disconnect(dispatch_uid="search_documents_saved")
            with override_settings(WAGTAILSEARCH_BACKENDS=settings_for["database"]):
                start = time.perf_counter()
                total += add_programmes(index, size - total, rng)
                print(f"{total} programmes created in {time.perf_counter() - start:.1f} s", flush=True)
            signals.connect()
            timings = build_indexes(settings_for)
            print(f"indexes built: {timings}", flush=True)
            baseline = finder_latencies(settings_for["database"], args.requests, rng, text=False)
            print(f"{size} baseline: {baseline}", flush=True)
            rows.append((size, "baseline", baseline, None, None))
            for name in ("database", "server"):
                latency = finder_latencies(settings_for[name], args.requests, rng)
                print(f"{size} {name}: {latency}", flush=True)
                rows.append((size, name, latency, timings["documents"], timings[name]))
    finally:
        delete_indexes(settings_for["server"], prefix)
        creation.destroy_test_db(old_name, verbosity=0)
    write_report(args.output, rows, args.requests, load_before, os.getloadavg())


def write_report(path, rows, requests, load_before, load_after):
    from django.db import connection

    labels = {
        "baseline": "no text, two facets (the overview alone)",
        "database": "PostgreSQL (database backend)",
        "server": "Elasticsearch 9.5 (search server)",
    }
    lines = [
        "# Search benchmark",
        "",
        "Written by `bench/search_bench.py`. A finder request is `GET /nl/buddyprogrammas/?q=…&theme=…&region=…`:",
        "a text query plus two facets, rendered in full (facet counts, cards, pagination), timed in-process",
        f"over {requests} requests after 5 warm-up requests. Index build: the search documents (bulk), then",
        "`update_index` of the backend (every indexed model: the programme pages too, not only their documents).",
        "Targets: search server p95 < 50 ms, PostgreSQL p95 < 150 ms at 10,000.",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"PostgreSQL {connection.pg_version // 10000 if hasattr(connection, 'pg_version') else '?'}; "
        f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after. Database connections persist",
        "across requests (CONN_MAX_AGE=60), as in production.",
        "",
        "| programmes | backend | finder p50 (ms) | finder p95 (ms) | documents build (s) | index build (s) |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for size, name, latency, documents, index in rows:
        cells = [f"{size:,}", labels[name], f"{latency['p50']:.1f}", f"{latency['p95']:.1f}"]
        cells += ["–", "–"] if documents is None else [f"{documents:.1f}", f"{index:.1f}"]
        lines.append("| " + " | ".join(cells) + " |")
    Path(path).write_text("\n".join(lines) + "\n")
    print(f"Wrote {path}")


if __name__ == "__main__":
    main()
