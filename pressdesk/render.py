"""Plain-text rendering of a stored release and its facts, for the terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pressdesk.entities import Entity
from pressdesk.models import Revision, StoredRelease

Fact = dict[str, Any]


def _person(p: Fact) -> str:
    extra = ", ".join(x for x in (p.get("role"), p.get("org")) if x)
    return f"{p['name']} ({extra})" if extra else str(p["name"])


def _org(o: Fact) -> str:
    aliases = o.get("aliases") or []
    return f"{o['name']} ({', '.join(aliases)})" if aliases else str(o["name"])


SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def amount(value: float, unit: str | None) -> str:
    """ "USD 23.3 billion", "4.1%": a figure as a reader would write it."""
    if unit == "percent":
        return f"{value:g}%"
    scaled = next((f"{value / size:,.4g} {word}" for size, word in SCALES if abs(value) >= size),
                  f"{value:,.0f}")
    return f"{unit} {scaled}" if unit else scaled


def _money(m: Fact) -> str:
    qualifier = f"{m['qualifier']} " if m.get("qualifier") else ""
    return f"{m['text']} = {qualifier}{amount(m['value'], m['currency'])}"


def _percent(p: Fact) -> str:
    unit = " points" if p.get("points") else "%"
    parts = [f"{p['value']}{unit} {p['direction']}", p.get("basis"), p.get("subject")]
    return " · ".join(str(x) for x in parts if x)


def _figure(f: Fact) -> str:
    value = amount(f["value"], f.get("unit")) if f.get("value") is not None else ""
    change = f"{f['direction'] or ''} {f['change']}%".strip() if f.get("change") is not None else ""
    parts = [f.get("subject"), f.get("period"), value, change, f.get("basis")]
    return ", ".join(str(x) for x in parts if x)


SECTIONS: tuple[tuple[str, str, Callable[[Fact], str]], ...] = (
    ("people", "People", _person),
    ("orgs", "Organisations", _org),
    ("places", "Places", lambda p: f"{p['name']} ({p['code']})"),
    ("money", "Money", _money),
    ("percents", "Percentages", _percent),
    ("dates", "Dates", lambda d: f"{d['text']} = {d['value']}"),
    ("figures", "Figures", _figure),
    ("quotes", "Quotes", lambda q: f"{q.get('speaker') or '?'}: “{q['text']}”"),
)


def format_release(
    stored: StoredRelease, facts: Fact, history: list[Revision], entities: list[Entity]
) -> str:
    r = stored.release
    lines = [
        r.title,
        f"id {r.id} · {r.date} · {r.category or '(no category)'} · {r.source or '(no source)'}",
        f"revision {stored.revision} · first seen {stored.first_seen}"
        f" · last seen {stored.last_seen} · from {stored.origin or '?'}",
    ]
    if r.url:
        lines.append(r.url)
    lines += ["", r.body]
    for key, heading, fmt in SECTIONS:
        if facts.get(key):  # each fact once, though the text may mention it often
            lines += ["", f"{heading}:"] + [f"  {line}" for line in dict.fromkeys(map(fmt, facts[key]))]
    if entities:
        lines += ["", "Entities (ids shared by every release):"]
        lines += [f"  #{e.id} {e.kind}: {e.name}" for e in entities]
    for rev in history:
        lines += ["", f"--- revision {rev.revision}, stored {rev.seen_at} ---", rev.title, rev.body]
    return "\n".join(lines)
