"""Benchmark the programme overview and detail pages at 100 and at 10,000 programmes.

    .venv/bin/python bench/programs_bench.py [--sizes 100 10000] [--repeat 7]

Builds a throwaway database (Django's test database: a temporary SQLite file,
or `test_<name>` on the server DATABASE_URL points at), fills it with
programmes in bulk, and prints for each size the number of SQL queries and
the server time (median of several requests through Django's test client,
after one warm-up request) of the overview with two filters and of a
programme's page. It fails (exit status 1) when a page's query count differs
between sizes: the listing must not run more queries for more programmes.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

OVERVIEW_QUERY = "?region=BE-VAN&theme=language"
PROGRAMMES_PER_ORGANISATION = 25


def build_site():
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage, SiteSettings
    from programs.models import ProgramIndexPage

    nl = Locale.objects.get_or_create(language_code="nl")[0]
    for code in ("fr", "en"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Buddies", slug="home", hero_heading="Samen", hero_text="Word buddy.", locale=nl)
    )
    site, _ = Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bench"}
    )
    SiteSettings.for_site(site)  # as on any site in use (made on the first request otherwise, bumping the chrome)
    index = home.add_child(instance=ProgramIndexPage(title="Buddyprogramma's", slug="buddyprogrammas", locale=nl))
    return index


def bulk_children(parent, model, rows):
    """Add pages of `model` under `parent` without one INSERT per page: paths computed, rows bulk-inserted."""
    from wagtail.models import Page

    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    base_rows, specific_rows = [], []
    for position, fields in enumerate(rows, start=parent.numchild + 1):
        page = model(
            path=model._get_path(parent.path, parent.depth + 1, position),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{fields['slug']}/",
            content_type=content_type,
            locale_id=parent.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            draft_title=fields["title"],
            **fields,
        )
        base_rows.append(page)
        specific_rows.append(page)
    created = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields}) for p in base_rows],
        batch_size=500,
    )
    if any(page.pk is None for page in created):  # backends that do not return ids
        paths = [p.path for p in base_rows]
        ids = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
        for page in created:
            page.pk = ids[page.path]
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    values = []
    for page, base in zip(specific_rows, created, strict=True):
        page.pk = page.page_ptr_id = base.pk
        values.append([f.get_db_prep_save(getattr(page, f.attname), connection) for f in fields])
    # Table and column names come from the model, never from input.
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(values), 500):
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
            cursor.executemany(sql, values[start : start + 500])
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
    return specific_rows


def add_programmes(index, start, count, rng):
    """Programmes start..start+count, 25 per organisation, with taxonomies drawn at random (seeded)."""
    from programs import models, taxonomy

    terms = {
        name: {t.code: t.pk for t in model.objects.all()}
        for name, model in [
            ("themes", models.Theme),
            ("target_groups", models.TargetGroup),
            ("regions", models.Region),
            ("modes", models.Mode),
            ("languages", models.Language),
        ]
    }
    organisations = bulk_children(
        index,
        models.OrganisationPage,
        [
            {"title": f"Organisatie {n}", "slug": f"organisatie-{n}", "website": f"https://org{n}.example"}
            for n in range(start // PROGRAMMES_PER_ORGANISATION, (start + count) // PROGRAMMES_PER_ORGANISATION)
        ],
    )
    links = {name: [] for name in terms}
    statuses = ["active"] * 8 + ["paused", "ended"]
    accepting = ["open"] * 6 + ["waitlist", "closed"]
    for organisation in organisations:
        rows = []
        for _ in range(PROGRAMMES_PER_ORGANISATION):
            number = start + len(rows) + PROGRAMMES_PER_ORGANISATION * organisations.index(organisation)
            rows.append(
                {
                    "title": f"Programma {number}",
                    "slug": f"programma-{number}",
                    "summary": f"Een buddyprogramma nummer {number} voor nieuwkomers en vrijwilligers.",
                    "description": "<p>Een vrijwilliger en een nieuwkomer spreken af.</p>",
                    "status": rng.choice(statuses),
                    "accepting_volunteers": rng.choice(accepting),
                    "accepting_newcomers": rng.choice(accepting),
                    "external_id": f"bench-{number}",
                    "contact_email": "info@example.org",
                    "last_verified": timezone.localdate(),
                }
            )
        programmes = bulk_children(organisation, models.ProgramPage, rows)
        for programme in programmes:
            choice = {
                "themes": rng.sample(list(terms["themes"]), rng.randint(1, 3)),
                "target_groups": rng.sample(list(terms["target_groups"]), rng.randint(1, 2)),
                "regions": rng.sample(list(taxonomy.REGIONS), rng.randint(1, 2)),
                "modes": [rng.choice(list(terms["modes"]))],
                "languages": ["nl", *rng.sample(list(terms["languages"]), 2)],
            }
            for name, codes in choice.items():
                links[name].extend((programme.pk, terms[name][code]) for code in set(codes))
    for name, pairs in links.items():
        through = getattr(models.ProgramPage, name).through
        source, target = (
            models.ProgramPage._meta.get_field(name).m2m_field_name(),
            models.ProgramPage._meta.get_field(name).m2m_reverse_field_name(),
        )
        through.objects.bulk_create(
            [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs], batch_size=2000
        )


def measure(client, url, repeat):
    response = client.get(url)  # warm-up: caches, site root paths
    assert response.status_code == 200, (url, response.status_code)
    timings, counts = [], set()
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        timings.append(elapsed * 1000)
        counts.add(len(queries))
    return max(counts), statistics.median(timings), response


@contextmanager
def throwaway_database(label, postgres_name):
    """A fresh test database for one benchmark run (a temporary SQLite file, or `postgres_name` on the
    server DATABASE_URL names), migrated, then destroyed; yields its name."""
    setup_test_environment()
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(Path(tempfile.mkdtemp()) / f"{label}.sqlite3")
    else:
        database.setdefault("TEST", {})["NAME"] = postgres_name
    old_name = database["NAME"]
    test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        yield test_name
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    with throwaway_database("programs_bench", f"test_programs_bench_{os.getpid()}") as test_name:
        rng = random.Random(2026)
        with transaction.atomic():
            index = build_site()
        client = Client()
        results, built = [], 0
        print(f"Database: {connection.vendor} ({test_name}); median of {args.repeat} requests after a warm-up")
        print(f"{'programmes':>10}  {'page':<52} {'queries':>7} {'median ms':>10}")
        for size in sorted(args.sizes):
            started = time.perf_counter()
            with transaction.atomic():
                add_programmes(index, built, size - built, rng)
            built = size
            build_seconds = time.perf_counter() - started
            overview = f"{index.url_path.removeprefix('/home')}"
            overview_url = f"/nl{overview}{OVERVIEW_QUERY}"
            queries, median, response = measure(client, overview_url, args.repeat)
            total = response.context["finder"].total
            results.append((size, "overview", queries))
            print(f"{size:>10}  {f'overview {OVERVIEW_QUERY} ({total} found)':<52} {queries:>7} {median:>10.1f}")
            from programs.models import ProgramPage

            programme = ProgramPage.objects.live().order_by("pk")[PROGRAMMES_PER_ORGANISATION // 2]
            detail_url = f"/nl{programme.url_path.removeprefix('/home')}"
            queries, median, _response = measure(client, detail_url, args.repeat)
            results.append((size, "detail", queries))
            print(f"{size:>10}  {'programme page (25 in its organisation)':<52} {queries:>7} {median:>10.1f}")
            print(f"{'':>10}  (built {size} programmes in {build_seconds:.1f} s)")
        equal = all(len({q for s, page, q in results if page == name}) == 1 for name in ("overview", "detail"))
        print("Query counts equal at every size:", "yes" if equal else "NO")
        return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
