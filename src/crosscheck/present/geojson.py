"""places.geojson: the places of every story as points, for a GIS or a web map.

One feature per story and place (documented by schemas/places.schema.json). Places the
gazetteer could not put on the map (no coordinates) are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from crosscheck.records import StoryRecord


def places_geojson(stories: Iterable[StoryRecord]) -> dict:
    features = []
    for story in stories:
        incident = story.incident
        for rank, place in enumerate(incident.places):
            if place.get("lat") is None or place.get("lon") is None:
                continue
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                    "properties": {
                        "story": story.id,
                        "title": story.title,
                        "name": place.get("name"),
                        "precision": place.get("precision"),
                        "admin1": place.get("admin1"),
                        "country": place.get("country"),
                        "primary": rank == 0,
                        "articles": place.get("articles"),
                        "date": incident.date,
                        "event_type": incident.event_type,
                        "killed_best": incident.killed.best,
                        "injured_best": incident.injured.best,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}
