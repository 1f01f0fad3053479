"""Import time and peak memory of `manage.py import_programs` for generated files of N programmes.

    DATABASE_URL=postgres://…/any .venv/bin/python bench/import_bench.py [--sizes 1000 5000] [--dry-run-sizes 100000]

Creates a throwaway database `campaign_import_bench` on the PostgreSQL server DATABASE_URL names (dropped
at the end), with a home page and the programme overview, as a fresh site has. For each size it writes a
CSV file of that many programmes (every column filled, French and English translations, one organisation
per 25 programmes: programs/tests/import_files.py) and runs `manage.py import_programs` on it in a fresh process,
so that the peak memory reported (the process's own high-water mark, Django and Wagtail included) belongs to that
one import. `--sizes` are full imports, each of new programmes into the growing database; `--dry-run-sizes`
only check the file and report what would change (both passes read every row), to show that memory stays
flat at sizes whose full import would take too long here. A 10-row dry run gives the baseline: the memory
of the process before any row. `--at-scale N` then adds N programmes in bulk (bench/programs_bench.py's
builder: Dutch pages without revisions or translations, 25 per organisation) and runs each full import
again, to show whether an import slows down as the database grows.

Writes bench/IMPORT.md. The search backend is whatever the environment configures (without
SEARCH_SERVER_URL: PostgreSQL, the database backend).
"""

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign_site.settings.test")
DATABASE_NAME = "campaign_import_bench"
COST = re.compile(r"^(\d+\.\d) s, peak memory (\d+) MiB$", re.MULTILINE)


def setup_django():
    import django

    django.setup()
    from django.conf import settings

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server.")
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = DATABASE_NAME


def make_site():
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from programs.models import ProgramIndexPage

    nl = Locale.objects.get_or_create(language_code="nl")[0]
    others = [Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "en")]
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    root.refresh_from_db()
    home = root.add_child(
        instance=HomePage(title="Home", slug="home", hero_heading="Bench", hero_text="Bench", locale=nl)
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    for locale in others:
        home.copy_for_translation(locale, alias=True)
    index = home.add_child(instance=ProgramIndexPage(title="Buddyprogramma's", slug="buddyprogrammas", locale=nl))
    index.save_revision().publish()
    for locale in others:
        index.copy_for_translation(locale, copy_parents=True, alias=True)


def run_import(path, *, dry_run):
    """(seconds, peak MiB, summary) of one `manage.py import_programs` in a fresh process."""
    url = urlsplit(os.environ["DATABASE_URL"])
    env = {**os.environ, "DATABASE_URL": urlunsplit(url._replace(path=f"/{DATABASE_NAME}"))}
    command = [sys.executable, "manage.py", "import_programs", str(path), *(["--dry-run"] if dry_run else [])]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    if done.returncode:
        sys.exit(f"import failed:\n{done.stderr[-3000:]}")
    cost = COST.search(done.stdout)
    return float(cost[1]), int(cost[2]), wall, done.stdout.splitlines()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--dry-run-sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--at-scale", type=int, default=0, help="repeat the full imports after adding N programmes")
    parser.add_argument("--output", default=str(ROOT / "bench" / "IMPORT.md"))
    args = parser.parse_args()

    setup_django()
    from django.db import connection

    load_before = os.getloadavg()
    creation = connection.creation
    print("Creating the benchmark database (migrations)…", flush=True)
    old_name = creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    results = []
    try:
        make_site()
        pg_version = connection.pg_version
        connection.close()
        with tempfile.TemporaryDirectory() as folder:
            runs = [("baseline", 10, True)]
            runs += [("dry run", size, True) for size in args.dry_run_sizes]
            runs += [("import", size, False) for size in args.sizes]
            start = 0
            for kind, size, dry_run in runs:
                row = measure(folder, kind, size, dry_run, start)
                start += 0 if dry_run else size  # the next full import adds new programmes to those already there
                results.append(row)
            if args.at_scale:
                fill(args.at_scale)
                for size in args.sizes:
                    results.append(measure(folder, f"import at {args.at_scale:,}", size, False, start))
                    start += size
    finally:
        creation.destroy_test_db(old_name, verbosity=0)
    write_report(args.output, results, pg_version, load_before, os.getloadavg())


def measure(folder, kind, size, dry_run, start):
    """One import of a generated file of `size` programmes numbered from `start`: the report's row."""
    from programs.tests.import_files import write_programmes_csv

    path = write_programmes_csv(Path(folder) / f"{kind}-{size}.csv", size, start=start)
    megabytes = path.stat().st_size / 1e6
    load = os.getloadavg()[0]
    seconds, peak, wall, summary = run_import(path, dry_run=dry_run)
    path.unlink()
    row = (kind, size, megabytes, seconds, peak, wall, load, summary)
    print(row, flush=True)
    return row


def fill(count):
    """Add `count` programmes in bulk beside the imported ones."""
    import random

    from django.db import connection

    sys.path.insert(0, str(ROOT / "bench"))
    from programs_bench import add_programmes

    from programs.models import ProgramIndexPage

    print(f"Adding {count:,} programmes in bulk…", flush=True)
    index = ProgramIndexPage.objects.get(locale__language_code="nl")
    # Numbered after the imports, so that their slugs and external ids never meet the files' programmes.
    first = 1_000_000
    add_programmes(index, first, count, random.Random(2026))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()


def rate(value):
    return f"{value:.0f}" if value >= 10 else f"{value:.2f}"


def write_report(path, results, pg_version, load_before, load_after):
    lines = [
        "# Import benchmark",
        "",
        "Written by `bench/import_bench.py`: `manage.py import_programs FILE` on generated CSV files (every",
        "column filled, French and English translations, one organisation per 25 programmes), each in a fresh",
        "process against PostgreSQL; full imports add new programmes to the database the earlier ones filled.",
        "Time and peak memory are those the command reports (peak = the process's own high-water mark, VmHWM,",
        "Django and Wagtail included); a 10-row dry run is the baseline.",
        "",
        f"Run: `.venv/bin/python bench/import_bench.py{''.join(' ' + arg for arg in sys.argv[1:])}`",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"PostgreSQL {pg_version // 10000}; load average {load_before[0]:.1f} before, {load_after[0]:.1f} after.",
        "",
        "| run | rows | file (MB) | time (s) | rows/s | peak memory (MiB) | load average at start | result |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for kind, size, megabytes, seconds, peak, _wall, load, summary in results:
        lines.append(
            f"| {kind} | {size:,} | {megabytes:.1f} | {seconds:.1f} | {rate(size / seconds)} | {peak} | {load:.1f} "
            f"| {summary} |"
        )
    imports = [(size, seconds, kind) for kind, size, _m, seconds, *_rest in results if kind.startswith("import")]
    if imports:
        size, seconds, kind = max(imports)
        lines += [
            "",
            f"Extrapolation, not a measurement: at the rate of the largest full import ({kind}, "
            f"{rate(size / seconds)} rows/s),",
            f"100,000 programmes would take about {100_000 * seconds / size / 3600:.1f} hours on this machine;",
            "memory does not grow with the rows (see the dry runs, which read every row twice).",
        ]
    Path(path).write_text("\n".join(lines) + "\n")
    print(f"Wrote {path}")


if __name__ == "__main__":
    main()
