"""The JSON Schemas of the API's answers: one per shape of ``pressdesk.shapes``.

Written by hand (the shapes are plain dicts, not models), and held to the truth by
the schemathesis test, which checks every response against them. A shape that
gains a field gains it here; no field is ever renamed.
"""

from __future__ import annotations

from typing import Any

__all__ = ["COMPONENTS", "ref"]

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(kind: str) -> Schema:
    return {"type": [kind, "null"]}


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def record(properties: dict[str, Schema], optional: tuple[str, ...] = ()) -> Schema:
    """An object with these fields, all required but ``optional``; more may come later."""
    return {"type": "object", "properties": properties,
            "required": [name for name in properties if name not in optional]}


STRING, INTEGER, NUMBER, BOOLEAN = ({"type": t} for t in ("string", "integer", "number", "boolean"))
COUNTS = array({"type": "array", "items": {"type": ["string", "integer", "null"]},
                "minItems": 2, "maxItems": 2, "description": "[value, count]"})

RELEASE_SUMMARY = record({
    "id": STRING, "title": STRING, "date": STRING, "category": STRING, "source": STRING,
    "url": nullable("string"), "revision": INTEGER,
})
REVISION = record({
    "release_id": STRING, "revision": INTEGER, "title": STRING, "date": STRING,
    "category": STRING, "body": STRING, "content_hash": STRING, "seen_at": STRING,
    "origin": STRING,
})
ENTITY = record({"id": INTEGER, "kind": {"enum": ["org", "person", "place"]}, "name": STRING,
                 "names": array(STRING), "releases": INTEGER})
RELEASE_DETAIL = record({
    "id": STRING, "title": STRING, "date": STRING, "category": STRING, "body": STRING,
    "source": STRING, "url": nullable("string"), "language": STRING,
    "external_id": nullable("string"), "content_hash": STRING, "revision": INTEGER,
    "first_seen": STRING, "last_seen": STRING, "origin": STRING,
    "facts": {"type": "object", "description": "what extraction found, with offsets into "
              "title + two newlines + body (pressdesk.facts); empty when not extracted"},
    "entities": array(ref("Entity")), "revisions": array(ref("Revision")),
    "story": {"oneOf": [ref("Story"), {"type": "null"}],
              "description": "the story the release belongs to; null until it is grouped"},
}, optional=("revisions",))
STORY = record({
    "id": STRING, "title": STRING, "first_date": STRING, "last_date": STRING, "size": INTEGER,
    "sources": array(STRING),
    "merged": array(STRING) | {"description": "ids of stories found to be this one"},
})
STORY_REASON = record({
    "kind": {"enum": ["first", "duplicate", "update", "similar"]}, "like": nullable("string"),
    "similarity": NUMBER, "story_similarity": NUMBER, "days": nullable("integer"),
    "shared": array(STRING), "resemblance": NUMBER,
})
STORY_MEMBER = record({"id": STRING, "date": STRING, "title": STRING, "source": STRING,
                       "reason": STORY_REASON})
STORY_VIEW = {"allOf": [ref("Story"), record({"releases": array(STORY_MEMBER)})]}
HIT = record({"id": STRING, "title": STRING, "date": STRING, "score": NUMBER,
              "snippet": {"type": "string", "description": "matched words between [ and ]"}})
SEARCH = record({
    "hits": array(ref("Hit")), "total": INTEGER,
    "facets": {"type": "object", "additionalProperties": COUNTS},
    "unembedded": INTEGER,
})
ROLE = record({"title": nullable("string"), "org": nullable("string"), "first": STRING,
               "last": STRING, "releases": INTEGER})
RELEASE_REF = record({"id": STRING, "date": STRING, "title": STRING, "source": STRING})
ENTITY_VIEW = {"allOf": [ref("Entity"), record({
    "releases": array(RELEASE_REF), "roles": array(ROLE),
    "related": array({"allOf": [ref("Entity"), record({"shared": INTEGER})]}),
    "stories": array(ref("Story")),
})]}
SERIES = record({"key": STRING, "name": STRING, "figures": INTEGER, "releases": INTEGER,
                 "first": nullable("string"), "last": nullable("string"),
                 "units": array(STRING)})
FIGURE = record({
    "indicator": STRING, "series": STRING, "period": nullable("string"),
    "value": nullable("number"), "unit": nullable("string"), "change": nullable("number"),
    "change_unit": nullable("string"), "direction": nullable("string"), "kind": STRING,
    "release_id": STRING, "release_date": STRING, "title": STRING, "revised": BOOLEAN,
}, optional=("revised",))
SERIES_VIEW = record({  # a Series whose ``figures`` is the list of them, not their count
    "key": STRING, "name": STRING, "figures": array(ref("Figure")), "releases": INTEGER,
    "first": nullable("string"), "last": nullable("string"), "units": array(STRING)})
EVENT = record({
    "type": STRING, "implementer": array(STRING), "partner": array(STRING),
    "date": nullable("string"), "sentence": STRING, "optional": BOOLEAN,
    "release_id": STRING, "release_date": STRING, "title": STRING,
})
STATS = record({"releases": INTEGER, "revisions": INTEGER, "sources": COUNTS,
                "categories": COUNTS, "first_date": nullable("string"),
                "last_date": nullable("string")})
WATCH = record({"name": STRING, "query": STRING, "created": STRING,
                "webhook": nullable("string")})
WATCH_ITEM = record({"id": STRING, "revision": INTEGER, "date": STRING, "title": STRING,
                     "source": STRING, "url": nullable("string"), "idempotency_key": STRING})
WATCH_RUN = record({"watch": STRING, "items": array(WATCH_ITEM),
                    "webhook_failed": nullable("string")})
SOURCE = record({"name": STRING, "url": STRING, "kind": STRING, "profile": STRING,
                 "added_at": STRING, "complete": BOOLEAN, "collected_at": nullable("string")})
INGEST_REPORT = record({"new": INTEGER, "changed": INTEGER, "unchanged": INTEGER,
                        "rejected": array(STRING), "unindexed": INTEGER})
OBJECTS = array({"type": "object"})
PREDICTION = record({  # pressdesk.extract.to_prediction: the evaluation guidelines' shape
    "id": STRING, "doc": record({"title": STRING, "date": STRING, "category": STRING}),
    "people": OBJECTS, "orgs": OBJECTS, "places": OBJECTS, "money": OBJECTS,
    "percents": OBJECTS, "dates": OBJECTS, "quotes": OBJECTS, "figures": OBJECTS,
    "events": OBJECTS, "sectors": array(STRING),
})
EXTRACTION = record({"releases": array(ref("Prediction")), "rejected": array(STRING)})
ERROR = record({"error": STRING, "status": INTEGER})

COMPONENTS: dict[str, Schema] = {
    "ReleaseSummary": RELEASE_SUMMARY,
    "ReleasePage": record({"releases": array(ref("ReleaseSummary")),
                           "next": nullable("string") | {"description": "the cursor of the next page"}}),
    "Release": RELEASE_DETAIL,
    "Revision": REVISION,
    "Story": STORY,
    "StoryView": STORY_VIEW,
    "Entity": ENTITY,
    "EntityView": ENTITY_VIEW,
    "Hit": HIT,
    "SearchResult": SEARCH,
    "Series": SERIES,
    "SeriesView": SERIES_VIEW,
    "Figure": FIGURE,
    "Event": EVENT,
    "Stats": STATS,
    "Watch": WATCH,
    "WatchRun": WATCH_RUN,
    "Source": SOURCE,
    "IngestReport": INGEST_REPORT,
    "Prediction": PREDICTION,
    "Extraction": EXTRACTION,
    "Error": ERROR,
}
