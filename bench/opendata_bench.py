"""Benchmark the open-data API (opendata/) at 100 and at 10,000 programmes → bench/OPENDATA.md.

    nice .venv/bin/python bench/opendata_bench.py [--sizes 100 10000] [--repeat 21]

Builds a throwaway database (`campaign_opendata_bench` on the server DATABASE_URL points at, or a temporary
SQLite file), fills it with programmes in bulk (bench/programs_bench.py's builder: 25 per organisation,
taxonomies drawn at random, seeded), and prints for each size the SQL queries per request and the server
time (p50 and p95 of several requests through Django's test client, after a warm-up request) of:
`services` (a page of 50, the first and one deep in the list), `services` with a filter, and `services/{id}`.
It fails (exit status 1) when an endpoint's query count differs between sizes.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from programs_bench import add_programmes, build_site, throwaway_database  # noqa: E402  (sets Django up)

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def measure(client, url, repeat):
    """(queries per request, p50 ms, p95 ms, JSON body) of `url`, after one warm-up request."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    timings, counts = [], set()
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        assert response.status_code == 200, (url, response.status_code)
        timings.append(elapsed * 1000)
        counts.add(len(queries))
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return max(counts), statistics.median(timings), p95, response.json()


def endpoints(client, size):
    """The URLs measured at `size` programmes."""
    deep = max(1, size // 50 // 2)
    first = client.get("/api/hsds/nl/services?per_page=50").json()
    return [
        ("services, page 1 (50 a page)", "/api/hsds/nl/services?per_page=50"),
        (f"services, page {deep} (50 a page)", f"/api/hsds/nl/services?per_page=50&page={deep}"),
        (
            "services?theme=language&region=BE-VAN (50 a page)",
            "/api/hsds/nl/services?per_page=50&theme=language&region=BE-VAN",
        ),
        ("services/{id}", f"/api/hsds/nl/services/{first['contents'][len(first['contents']) // 2]['id']}"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()

    with throwaway_database("opendata_bench", "campaign_opendata_bench") as test_name:
        rng = random.Random(2026)
        with transaction.atomic():
            index = build_site()
        client = Client()
        results, built = {}, 0
        print(f"Database: {connection.vendor} ({test_name}); {args.repeat} requests per URL after a warm-up\n")
        print("| programmes | request | queries | p50 ms | p95 ms |")
        print("|---:|---|---:|---:|---:|")
        for size in sorted(args.sizes):
            started = time.perf_counter()
            with transaction.atomic():
                add_programmes(index, built, size - built, rng)
            built = size
            build_seconds = time.perf_counter() - started
            for name, url in endpoints(client, size):
                queries, p50, p95, body = measure(client, url, args.repeat)
                found = f" ({body['total_items']} found)" if "total_items" in body else ""
                results.setdefault(name.split(",")[0], set()).add(queries)
                print(f"| {size} | {name}{found} | {queries} | {p50:.1f} | {p95:.1f} |", flush=True)
            print(f"\n(built {size} programmes in {build_seconds:.1f} s)\n", file=sys.stderr)
        equal = all(len(counts) == 1 for counts in results.values())
        print("\nQuery counts equal at every size:", "yes" if equal else "NO")
        return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
