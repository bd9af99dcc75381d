"""Plain-text rendering for the terminal: a release with its facts, search results, stats."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pressdesk.check import CheckReport
from pressdesk.desk import EntityView, ReleaseView, SeriesView, StoryView
from pressdesk.facts import DateRef, Event, Extraction, Figure, Money, Org, Percent, Person, Place, Quote
from pressdesk.models import EventRow, Series, Source, Story, StoryReason
from pressdesk.search import SearchResult
from pressdesk.store import Stats

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def counted(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 release``, ``2,043 releases``."""
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"


def amount(value: float, unit: str | None) -> str:
    """ "USD 23.3 billion", "4.1%": a figure as a reader would write it."""
    if unit == "percent":
        return f"{value:g}%"
    scaled = next((f"{value / size:,.4g} {word}" for size, word in SCALES if abs(value) >= size),
                  f"{value:,.0f}")
    return f"{unit} {scaled}" if unit else scaled


def person(p: Person) -> str:
    """ "Park Jung-sung (Deputy Minister for Trade, Ministry of ...)"; a body the role names
    already ("MOTIR Trade Minister") is not said again."""
    org = p.org if p.org and p.org not in (p.role or "") else None
    extra = ", ".join(x for x in (p.role, org) if x)
    return f"{p.name} ({extra})" if extra else p.name


def _org(o: Org) -> str:
    return f"{o.name} ({', '.join(o.aliases)})" if o.aliases else o.name


def _place(p: Place) -> str:
    return f"{p.name} ({p.code})"


def _money(m: Money) -> str:
    qualifier = f"{m.qualifier} " if m.qualifier else ""
    return f"{m.text} = {qualifier}{amount(m.value, m.currency)}"


def _percent(p: Percent) -> str:
    unit = " points" if p.points else "%"
    parts = [f"{p.value}{unit} {p.direction}", p.basis, p.subject]
    return " · ".join(str(x) for x in parts if x)


def _date(d: DateRef) -> str:
    return f"{d.text} = {d.value}"


def _figure(f: Figure) -> str:
    value = amount(f.value, f.unit) if f.value is not None else ""
    points = " points" if f.change_unit == "points" else "%"
    change = f"{f.direction or ''} {f.change:g}{points}".strip() if f.change is not None else ""
    parts = [f.indicator, f.period, value, change, f.basis, "forecast" if f.kind == "forecast" else ""]
    return ", ".join(str(x) for x in parts if x)


def _event(e: Event) -> str:
    partner = f" → {', '.join(e.partner)}" if e.partner else ""
    when = f" ({e.date})" if e.date else ""
    return f"{e.type}: {', '.join(e.implementer) or '?'}{partner}{when}"


def _quote(q: Quote) -> str:
    return f"{q.speaker or '?'}: “{q.text}”"


SECTIONS: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("people", "People", person),
    ("orgs", "Organisations", _org),
    ("places", "Places", _place),
    ("money", "Money", _money),
    ("percents", "Percentages", _percent),
    ("dates", "Dates", _date),
    ("figures", "Figures", _figure),
    ("events", "Events", _event),
    ("quotes", "Quotes", _quote),
    ("sectors", "Sectors", str),
)


def format_facts(facts: Extraction) -> list[str]:
    lines: list[str] = []
    for key, heading, fmt in SECTIONS:
        found: Sequence[Any] = getattr(facts, key)
        if found:  # each fact once, though the text may mention it often
            lines += ["", f"{heading}:"] + [f"  {line}" for line in dict.fromkeys(map(fmt, found))]
    return lines


def format_release(view: ReleaseView) -> str:
    stored, r = view.stored, view.stored.release
    lines = [
        r.title,
        f"id {r.id} · {r.date} · {r.category or '(no category)'} · {r.source or '(no source)'}",
        f"revision {stored.revision} · first seen {stored.first_seen}"
        f" · last seen {stored.last_seen} · from {stored.origin or '?'}",
    ]
    if r.url:
        lines.append(r.url)
    if view.story is not None and view.story.size > 1:
        lines.append(f"story {view.story.id} · {view.story.size} releases"
                     f" · `pressdesk story {view.story.id[:8]}`")
    lines += ["", r.body]
    if view.facts is not None:
        lines += format_facts(view.facts)
    if view.entities:
        lines += ["", "Entities (ids shared by every release):"]
        lines += [f"  #{e.id} {e.kind}: {e.name}" for e in view.entities]
    for rev in view.revisions:
        lines += ["", f"--- revision {rev.revision}, stored {rev.seen_at} ---", rev.title, rev.body]
    return "\n".join(lines)


def format_search(result: SearchResult) -> str:
    lines = [f"{result.total:,} matching"]
    for rank, h in enumerate(result.hits, start=1):
        lines += ["", f"{rank}. {h.title} ({h.date})  [{h.id}]  score {h.score:.3f}", f"   {h.snippet}"]
    for name, counts in result.facets.items():
        lines += ["", f"{name}: " + ", ".join(f"{value} ({n})" for value, n in counts)]
    return "\n".join(lines)


def format_stats(stats: Stats) -> str:
    def counts(pairs: tuple[tuple[str, int], ...]) -> str:
        return ", ".join(f"{name or '(none)'} ({n:,})" for name, n in pairs)

    return "\n".join([
        f"releases:  {stats.releases:,}",
        f"revisions: {stats.revisions:,} earlier texts kept",
        f"dates:     {stats.first_date or '-'} .. {stats.last_date or '-'}",
        f"sources:   {counts(stats.sources)}",
        f"categories: {counts(stats.categories)}",
    ])


def format_check(report: CheckReport) -> str:
    if report.ok:
        return (f"ok: the store holds {report.releases:,} releases, "
                f"the index {report.indexed if report.indexed is not None else 0:,} documents")
    lines = [f"{f.part}: {f.problem}\n  repair: {f.repair}" for f in report.findings]
    return "\n".join(lines)


def format_series_list(found: list[Series]) -> str:
    if not found:
        return "no figures yet"
    lines = []
    for s in found:
        span = (s.first or "-") if s.first == s.last else f"{s.first or '?'} .. {s.last or '?'}"
        units = ", ".join(u for u in s.units if u)
        lines.append(f"{s.name:<40} {s.figures:>5} figures {s.releases:>5} releases  {span}"
                     + (f"  ({units})" if units else ""))
    return "\n".join(lines)


def format_series(view: SeriesView) -> str:
    lines = [f"{view.series.name}: {view.series.figures} figures from {view.series.releases} releases",
             ""]
    for point in view.points:
        f = point.figure
        value = amount(f.value, f.unit) if f.value is not None else ""
        points = " points" if f.change_unit == "points" else "%"
        change = f"{f.direction or ''} {f.change:g}{points}".strip() if f.change is not None else ""
        mark = "  (revised: releases differ)" if point.revised else ""
        lines.append(f"{f.period or '?':<17} {value:>22} {change:>14}  {f.release_date}"
                     f" [{f.release_id}]{mark}")
    return "\n".join(lines)


def format_events(found: list[EventRow]) -> str:
    if not found:
        return "no events"
    lines = []
    for e in found:
        partner = f" → {', '.join(e.partner)}" if e.partner else ""
        lines.append(f"{e.date or e.release_date}  {e.type:<21} {', '.join(e.implementer) or '?'}"
                     f"{partner}  [{e.release_id}]{'  (optional)' if e.optional else ''}")
        lines.append(f"    {e.sentence}")
    return "\n".join(lines)


def format_stories(found: list[Story]) -> str:
    if not found:
        return "no stories"
    lines = []
    for st in found:
        span = st.first_date if st.first_date == st.last_date else f"{st.first_date}..{st.last_date}"
        lines.append(f"{st.id}  {span:<22} {st.size:>3} release{'s' if st.size != 1 else ' '}"
                     f"  {st.title}")
    return "\n".join(lines)


def format_reason(reason: StoryReason) -> str:
    """Why a release belongs to its story, in a line."""
    if reason.kind == "first":
        return "started the story"
    days = f", {reason.days} day{'s' if reason.days != 1 else ''} apart" if reason.days else ", same day"
    if reason.kind == "duplicate":
        head = f"near-duplicate of {reason.like} ({reason.resemblance:.0%} of the text shared{days})"
    elif reason.kind == "update":
        head = f"updated version of {reason.like}{days}"
    else:
        head = (f"like {reason.like} (similarity {reason.similarity:.2f}, to the story"
                f" {reason.story_similarity:.2f}{days})")
    return head + (f"; shares {', '.join(reason.shared)}" if reason.shared else "")


def format_story(view: StoryView) -> str:
    st = view.story
    lines = [st.title, f"story {st.id} · {st.size} releases · {st.first_date} .. {st.last_date}"
             f" · {', '.join(s or '(no source)' for s in st.sources)}"]
    if st.merged:
        lines.append(f"merged from {', '.join(st.merged)}")
    for m in view.members:
        lines += ["", f"{m.date}  [{m.release_id}]  {m.title}", f"    {format_reason(m.reason)}"]
    return "\n".join(lines)


def format_entity(view: EntityView, limit: int = 20) -> str:
    e = view.entity
    lines = [f"#{e.id} {e.kind}: {e.name}", f"named in {counted(e.releases, 'release')}"]
    others = [n for n in e.names if n != e.name]
    if others:
        lines.append("also: " + ", ".join(others))
    if view.roles:
        lines += ["", "Roles:"]
        lines += [f"  {', '.join(x for x in (r.title, r.org) if x)}  ({r.first} .. {r.last},"
                  f" {counted(r.releases, 'release')})" for r in view.roles]
    months: dict[str, int] = {}
    for ref in view.releases:
        months[ref.date[:7]] = months.get(ref.date[:7], 0) + 1
    if months:
        lines += ["", "By month: " + ", ".join(f"{m} ({n})" for m, n in sorted(months.items()))]
    lines += ["", "Releases:"] + [f"  {r.date}  {r.title}  [{r.id}]" for r in view.releases[:limit]]
    if view.stories:
        lines += ["", "Stories:"] + [
            f"  {st.first_date}..{st.last_date}  {counted(st.size, 'release'):>12}  {st.title}  [{st.id}]"
            for st in view.stories[:limit]]
    if view.related:
        lines += ["", "Named with: " + ", ".join(f"{o.name} ({n})" for o, n in view.related)]
    return "\n".join(lines)


def format_source(source: Source) -> str:
    """A source: name, kind, URL, when it was added and last collected, its profile."""
    lines = [
        f"{source.name}  ({source.kind})",
        f"url:        {source.url}",
        f"added:      {source.added_at}",
        f"collected:  {source.collected_at or 'never'}"
        + ("  (read to its end once)" if source.complete else ""),
    ]
    if source.profile:
        lines += ["profile:", *("    " + line for line in source.profile.rstrip().splitlines())]
    return "\n".join(lines)
