"""Text made into safe HTML: search snippets with their marks, release bodies with what
extraction found in them highlighted and linked.

Every piece of text goes through ``escape`` before any tag is put around it, so a
release whose body holds ``<script>`` shows it as text. Marks and spans never come
from the text itself: snippets are cut with private-use characters no release is
expected to hold (one that holds them gets no stray tag: only balanced pairs become
``<mark>``), and spans are offsets kept beside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from pressdesk.desk import ReleaseView
from pressdesk.entities import entity_key
from pressdesk.facts import Extraction, Span

__all__ = ["MARKS", "Annotation", "annotate", "highlight_snippet", "render_annotated"]

MARKS = ("\ue000", "\ue001")  # what the search index wraps matched words in, for the web
_MARK = re.compile("(\ue000|\ue001)")


def highlight_snippet(snippet: str) -> Markup:
    """A snippet with each marked word in ``<mark>``; everything else escaped."""
    out, open_ = [], False
    for part in _MARK.split(snippet):
        if part == MARKS[0] and not open_:
            out.append(Markup("<mark>"))
            open_ = True
        elif part == MARKS[1] and open_:
            out.append(Markup("</mark>"))
            open_ = False
        elif part not in MARKS:
            out.append(escape(part))
    if open_:
        out.append(Markup("</mark>"))
    return Markup("").join(out)


@dataclass(frozen=True, slots=True)
class Annotation:
    """A stretch of a release's text to highlight: its kind, and where it links (if anywhere)."""

    start: int
    end: int
    kind: str  # person | org | place | money | percent | date
    href: str | None
    label: str


def annotate(view: ReleaseView) -> list[Annotation]:
    """Where the release's people, organisations, places, amounts, percentages and dates
    are written, linked to their entity pages; earliest first, none overlapping."""
    if view.facts is None:
        return []
    ids = {(e.kind, entity_key(e.kind, name)): e.id for e in view.entities for name in e.names}
    found = list(_entity_annotations(view.facts, ids)) + list(_value_annotations(view.facts))
    return _without_overlaps(found)


def _entity_link(ids: dict[tuple[str, str], int], kind: str, names: Iterable[str]) -> str | None:
    for name in names:
        entity = ids.get((kind, entity_key(kind, name)))
        if entity is not None:
            return f"/entities/{entity}"
    return None


def _entity_annotations(facts: Extraction, ids: dict[tuple[str, str], int]) -> Iterator[Annotation]:
    for person in facts.people:
        yield from _spans(person.spans, "person", _entity_link(ids, "person", [person.name]), person.name)
    for org in facts.orgs:
        yield from _spans(org.spans, "org", _entity_link(ids, "org", [org.name, *org.aliases]), org.name)
    for place in facts.places:
        yield from _spans(place.spans, "place", _entity_link(ids, "place", [place.code]), place.name)


def _value_annotations(facts: Extraction) -> Iterator[Annotation]:
    for money in facts.money:
        yield Annotation(money.span.start, money.span.end, "money", None, money.text)
    for percent in facts.percents:
        yield Annotation(percent.span.start, percent.span.end, "percent", None, percent.text)
    for day in facts.dates:
        yield Annotation(day.span.start, day.span.end, "date", None, day.value)


def _spans(spans: Iterable[Span], kind: str, href: str | None, label: str) -> Iterator[Annotation]:
    return (Annotation(s.start, s.end, kind, href, label) for s in spans)


def _without_overlaps(found: list[Annotation]) -> list[Annotation]:
    """Earliest first; of two that overlap, the one that starts first (the longer on a tie)."""
    kept: list[Annotation] = []
    for a in sorted(found, key=lambda a: (a.start, -(a.end - a.start))):
        if a.end > a.start and (not kept or a.start >= kept[-1].end):
            kept.append(a)
    return kept


def render_annotated(text: str, annotations: list[Annotation], offset: int = 0) -> Markup:
    """``text`` (which starts at ``offset`` of the extracted document) with each annotation
    inside it wrapped: a link to its page, or a ``<mark>``; all text escaped."""
    out, at = [], 0
    for a in annotations:
        start, end = a.start - offset, a.end - offset
        if start < at or end > len(text):
            continue
        out += [escape(text[at:start]), _wrap(text[start:end], a)]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _wrap(text: str, a: Annotation) -> Markup:
    if a.href is not None:
        return Markup('<a class="fact {}" href="{}" title="{}">{}</a>').format(
            a.kind, a.href, f"{a.kind}: {a.label}", text)
    return Markup('<mark class="fact {}" title="{}">{}</mark>').format(
        a.kind, f"{a.kind}: {a.label}", text)


def figure_href(indicator: str) -> str:
    """Where a series is shown, by any of its names."""
    return f"/figures/{quote(indicator, safe='')}"
