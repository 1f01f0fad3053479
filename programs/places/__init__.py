"""Places of Belgium and Luxembourg: municipalities, their names in every language, postcodes and history.

Pure Python over the CSV files in data/ (no database, no Django), so the importer, the admin and
the finder can share it. Start with `gazetteer()`; SOURCES.md says where every fact comes from.
"""

from programs.places.gazetteer import Area, Gazetteer, Match, MatchKind, Municipality, distance_km, gazetteer
from programs.places.normalise import name_key, normalise

__all__ = [
    "Area",
    "Gazetteer",
    "Match",
    "MatchKind",
    "Municipality",
    "distance_km",
    "gazetteer",
    "name_key",
    "normalise",
]
