"""Measure the place gazetteer: how long it takes to load, and to answer exact, typo and prefix queries.

    .venv/bin/python bench/places_bench.py [--repeat 200]

Prints the load time of the data (once per process) and, per kind of query, the median and 95th
percentile time of one call, so the finder can tell whether calling it on every request is cheap.
No database or Django needed.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from programs.places.gazetteer import Gazetteer  # noqa: E402

QUERIES = {
    "exact name": ["Gent", "Liège", "Esch-sur-Alzette", "Merelbeke", "Borgerhout", "Ghent", "Lëtzebuerg"],
    "postcode": ["9000", "L-4170", "9050 Ledeberg", "1040"],
    "typo": ["Gnet", "Merelbek", "Schiflange", "Antwerpn", "Bruxels", "Esch/Alzette", "Sint-Genesius-Rhode"],
    "no match": ["Qwxzrtp", "Kortrijkstraat 12", "Atlantis"],
    "prefix (suggest)": ["Me", "Merelb", "sint-n", "Esch", "Lux"],
}


def timed(function, value, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(value)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    start = time.perf_counter()
    places = Gazetteer()
    print(f"load: {(time.perf_counter() - start) * 1000:.0f} ms ({len(places.municipalities)} municipalities)")
    print(f"{'query kind':18} {'median ms':>10} {'p95 ms':>8}  slowest")
    for kind, values in QUERIES.items():
        function = places.suggest if kind.startswith("prefix") else places.search
        samples, slowest = [], (0.0, "")
        for value in values:
            timings = timed(function, value, args.repeat)
            samples += timings
            slowest = max(slowest, (statistics.median(timings), value))
        p95 = statistics.quantiles(samples, n=20)[-1]
        print(f"{kind:18} {statistics.median(samples):10.3f} {p95:8.3f}  {slowest[1]!r} ({slowest[0]:.2f} ms)")


if __name__ == "__main__":
    main()
