"""Briefings: what happened in a period, the figures, who met whom, and what is coming.

A ``Brief`` is assembled from the store for a period (and optionally a query):

- the period's stories ranked by weight (how many releases, how many sources,
  how recent), the ``limit`` heaviest each under the title of its most typical
  release (the store's ``story_titles``, as ``pressdesk stories`` shows it) with a
  short extractive summary: the sentences of its releases most central to the story
  (TF-IDF cosine to the story as a whole), lead sentences favoured, in reading order;
- a table of the key figures reported in the period, with period and change;
- who met whom: the people a release names together in a meeting, with their
  roles and bodies, on the day its sentence names (else the release's; those of the
  heaviest stories first);
- what is coming: dates in the text after the period, with their sentence,
  soonest first.

A brief is something to read: a month of a busy newswire holds thousands of
stories, so each part is bounded (``STORIES``, ``MEETINGS``, ``UPCOMING`` and
the key figures' 30 rows), and it says how many stories and releases the
period held in all.

``render_markdown``, ``render_html`` (one self-contained file) and
``render_pdf`` (WeasyPrint, from that HTML) write it out.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from pressdesk.facts import Extraction, Person
from pressdesk.models import FigureRow, Release, StoredRelease

__all__ = [
    "Brief",
    "BriefStory",
    "Meeting",
    "Upcoming",
    "build_brief",
    "render_html",
    "render_markdown",
    "render_pdf",
    "web_address",
]

SUMMARY_SENTENCES = 3
STORIES = 20  # stories a brief tells, heaviest first
MEETINGS = 25
UPCOMING = 30
RECENCY_DAYS = 14.0  # a story this many days older than the period's end weighs half
_BREAK = re.compile(r"[.!?][\"”’)]?(?=\s+[A-Z\"“(])")
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul|"
                           r"Aug|Sep|Sept|Oct|Nov|Dec|Gov|Gen|Sen|Rep|Corp|Inc|Co|Ltd|Jr|Sr|vs)\.)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z-]+|\d[\d.,]*")
# a sentence opening with one of these leans on the one before it ("He added ...")
_LEANING = re.compile(r"(?:He|She|They|It|This|These|Those|That|Its|Their|His|Her|However|Also|"
                      r"Meanwhile|Moreover|Furthermore|In addition|But|And|Still)\b")
_ASIDE = re.compile(r"\([^()]*\)")
# A meeting between the people on either side: "A met B", "A held talks with B", "A and B
# signed", "A discussed ... with B".
_MEETING = re.compile(
    r"\b(?:met(?: with)?|meets(?: with)?|(?:held|hold|holds) [^.;]{0,60}?\bwith|"
    r"(?:talks|meeting|consultations?|call) with|discussed [^.;]{0,120}?\bwith|"
    r"co-?chaired [^.;]{0,60}?\bwith|signed [^.;]{0,80}?\bwith)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class BriefStory:
    """One event of the period: its releases, why it ranks where it does, a summary."""

    title: str
    story_id: str | None
    releases: tuple[StoredRelease, ...]
    weight: float
    summary: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Meeting:
    """People a release names together in a meeting."""

    date: str
    people: tuple[Person, ...]
    sentence: str
    release: StoredRelease


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A date after the period that a release of the period mentions."""

    value: str  # as dates are resolved: "2025-12", "2026-Q1"
    sentence: str
    release: StoredRelease


@dataclass(frozen=True, slots=True)
class Brief:
    since: str
    until: str
    query: str | None
    stories: tuple[BriefStory, ...]
    figures: tuple[FigureRow, ...]
    meetings: tuple[Meeting, ...]
    upcoming: tuple[Upcoming, ...]
    total_stories: int = 0  # in the period, told or not
    total_releases: int = 0

    @property
    def more(self) -> int:
        """Stories of the period the brief does not tell."""
        return max(0, self.total_stories - len(self.stories))

# ---- assembling -----------------------------------------------------------------------------


def build_brief(
    since: str,
    until: str,
    query: str | None,
    groups: Sequence[tuple[str | None, Sequence[StoredRelease]]],
    facts: dict[str, Extraction],
    figures: Sequence[FigureRow],
    limit: int = STORIES,
    titles: Callable[[list[str]], Mapping[str, str]] | None = None,
) -> Brief:
    """A brief of ``groups`` (story id and its releases in the period) and their facts: the
    ``limit`` heaviest stories, summarised (summaries are most of the work, so only theirs),
    each under the title ``titles`` gives its story (the store's, as ``pressdesk stories``
    shows it: its most typical release's), else its first release's."""
    ranked = sorted(((weight(group, until), ordered(group), sid) for sid, group in groups if group),
                    key=lambda t: (-t[0], t[1][0].release.title))
    named = titles([sid for _, _, sid in ranked[:limit] if sid]) if titles else {}
    stories = [brief_story(sid, group, w, facts, named.get(sid or ""))
               for w, group, sid in ranked[:limit]]
    releases = [r for _, group, _ in ranked for r in group]  # the heaviest stories' first
    return Brief(
        since, until, query, tuple(stories), tuple(key_figures(figures)),
        tuple(meetings(releases, facts)[:MEETINGS]), tuple(upcoming(releases, facts, until)[:UPCOMING]),
        total_stories=len(ranked), total_releases=len(releases),
    )


def ordered(group: Sequence[StoredRelease]) -> list[StoredRelease]:
    return sorted(group, key=lambda s: (s.release.date, s.release.id))


def brief_story(
    story_id: str | None, group: Sequence[StoredRelease], weight: float,
    facts: dict[str, Extraction], title: str | None = None,
) -> BriefStory:
    return BriefStory(
        title=title or group[0].release.title,
        story_id=story_id,
        releases=tuple(group),
        weight=weight,
        summary=tuple(summarise([s.release.body for s in group])),
    )


def weight(group: Sequence[StoredRelease], until: str) -> float:
    """More releases and more sources weigh more; older stories less (half per fortnight)."""
    sources = len({s.release.source for s in group})
    latest = max(s.release.date for s in group)
    age = max((day(until) - day(latest)).days, 0)
    return float((math.log2(1 + len(group)) + sources) * 0.5 ** (age / RECENCY_DAYS))


def day(iso: str) -> date:
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return date.min


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` are; "U.S." or "Dr." in mid-sentence ends none."""
    spans, start = [], 0
    for stop in _BREAK.finditer(text):
        if _ABBREVIATION.search(text, max(0, stop.start() - 12), stop.start() + 1):
            continue
        spans.append((start, stop.end()))
        start = stop.end()
    return spans + [(start, len(text))]


def sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    found = (flat[a:b].strip() for a, b in sentence_spans(flat))
    return [s for s in found if len(s.split()) >= 5]


def summarise(bodies: Sequence[str], size: int = SUMMARY_SENTENCES) -> list[str]:
    """The sentences most central to the texts (TF-IDF cosine to their sum), leads favoured
    and sentences that lean on the one before them ("He added ...") disfavoured, in the
    order they were written; no near-repeats."""
    candidates = [(i, j, s) for i, body in enumerate(bodies) for j, s in enumerate(sentences(body))]
    if not candidates:
        return []
    vectors = tfidf([s for _, _, s in candidates])
    centre: Counter[str] = Counter()
    for v in vectors:
        centre.update(v)
    def value(k: int) -> float:
        _, at, said = candidates[k]
        return (cosine(vectors[k], centre) * (1.5 if at == 0 else 1.0)
                * (0.5 if _LEANING.match(said) else 1.0))

    scored = sorted(range(len(candidates)), key=lambda k: -value(k))
    chosen: list[int] = []
    for k in scored:
        if all(cosine(vectors[k], vectors[c]) < 0.6 for c in chosen):
            chosen.append(k)
        if len(chosen) == size:
            break
    return [candidates[k][2] for k in sorted(chosen, key=lambda k: candidates[k][:2])]


def tfidf(texts: Sequence[str]) -> list[Counter[str]]:
    words = [Counter(w.lower() for w in _WORD.findall(t)) for t in texts]
    df: Counter[str] = Counter()
    for counts in words:
        df.update(counts.keys())
    n = len(texts)
    return [Counter({w: c * math.log(1 + n / df[w]) for w, c in counts.items()}) for counts in words]


def cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def key_figures(figures: Sequence[FigureRow], limit: int = 30) -> list[FigureRow]:
    """The period's figures with a value or a change, one per indicator and period (the
    latest release's): the most reported indicators first, then those with a value."""
    latest: dict[tuple[str, str | None], FigureRow] = {}
    for row in sorted(figures, key=lambda r: r.release_date):
        if row.kind == "actual" and (row.value is not None or row.change is not None):
            latest[(row.series, row.period)] = row
    counts = Counter(row.series for row in figures)
    rows = sorted(latest.values(), key=lambda r: (
        -counts[r.series], r.value is None, r.indicator.casefold(), r.period or ""))
    return rows[:limit]


def meetings(releases: Iterable[StoredRelease], facts: dict[str, Extraction]) -> list[Meeting]:
    """People two or more of whom a sentence names with a word of meeting, outside its
    asides in parentheses (the head of a body named beside it is not at the meeting), on
    the day the sentence names ("met ... on Thursday, November 13"), else the release's."""
    found: list[Meeting] = []
    for stored in releases:
        facts_of = facts.get(stored.release.id)
        if facts_of is None or len(facts_of.people) < 2:
            continue
        people = facts_of.people
        for start, end, sentence in located_sentences(stored.release):
            said = _ASIDE.sub(" ", sentence)  # "(MOTIR, Minister Kim)" names no participant
            verb = _MEETING.search(said)
            if verb is None:
                continue
            before = [p for p in people if named_in(p, said[: verb.start()])]
            after = [p for p in people if named_in(p, said[verb.end() :]) and p not in before]
            if before and after:
                days = [d.value for d in facts_of.dates
                        if len(d.value) == 10 and start <= d.span.start < end]
                found.append(Meeting(days[0] if days else stored.release.date,
                                     (*before, *after), sentence, stored))
                break
    return found


def located_sentences(release: Release) -> list[tuple[int, int, str]]:
    """The title and each sentence of the body of five words or more, where each is in the
    text extraction's offsets refer to (``document_text``), its spaces made single."""
    skip = len(release.title) + 2  # the title, then a blank line
    spans = [(0, len(release.title))] + [(skip + a, skip + b)
                                         for a, b in sentence_spans(release.body)]
    text = f"{release.title}\n\n{release.body}"
    found = [(a, b, " ".join(text[a:b].split())) for a, b in spans]
    return [(a, b, said) for a, b, said in found if len(said.split()) >= 5]


def named_in(person: Person, text: str) -> bool:
    return any(form in text for form in (person.name, *person.variants))


def upcoming(releases: Iterable[StoredRelease], facts: dict[str, Extraction],
             until: str) -> list[Upcoming]:
    """Dates after the period that the period's releases mention, soonest first."""
    from pressdesk.extract import document_text

    seen: dict[tuple[str, str], Upcoming] = {}
    for stored in releases:
        found = facts.get(stored.release.id)
        text = document_text(stored.release)
        for ref in found.dates if found else ():
            if len(ref.value) > 4 and period_start(ref.value) > until:  # a bare year is a target
                sentence = sentence_around(text, ref.span.start, ref.span.end)
                seen.setdefault((ref.value, sentence), Upcoming(ref.value, sentence, stored))
    return sorted(seen.values(), key=lambda u: (period_start(u.value), u.value))


def period_start(value: str) -> str:
    """The first day of a resolved date, as text that compares with ISO days."""
    if "-Q" in value:
        year, quarter = value.split("-Q")
        return f"{year}-{3 * int(quarter) - 2:02d}-01"
    if "-H" in value:
        year, half = value.split("-H")
        return f"{year}-{'01' if half == '1' else '07'}-01"
    return {4: f"{value}-01-01", 7: f"{value}-01"}.get(len(value), value)


def sentence_around(text: str, start: int, end: int) -> str:
    for left, right in sentence_spans(text):
        if left <= start < right or left < end <= right:
            return " ".join(text[left:right].split())
    return " ".join(text[start:end].split())


# ---- rendering --------------------------------------------------------------------------------


def amount_text(row: FigureRow) -> tuple[str, str]:
    from pressdesk.render import amount

    value = amount(row.value, row.unit) if row.value is not None else ""
    points = " points" if row.change_unit == "points" else "%"
    sign = {"up": "+", "down": "-"}.get(row.direction or "", "")
    change = f"{sign}{row.change:g}{points}" if row.change is not None else ""
    return value, change


def sentence_case(text: str) -> str:
    """The text with a capital first letter, as a table's rows begin ("Mobile phones")."""
    return text[:1].upper() + text[1:]


def people_text(people: Sequence[Person]) -> str:
    from pressdesk.render import person  # render reads the desk, which reads this module

    return "; ".join(person(p) for p in people)


def told(brief: Brief) -> str:
    """How much of the period the brief tells: "12 stories from 14 releases.", or "The 20
    heaviest of 4,060 stories from 5,012 releases." """
    stories, count = brief.total_stories, brief.total_releases
    releases = f"{count:,} {'release' if count == 1 else 'releases'}"
    if brief.more:
        return f"The {len(brief.stories)} heaviest of {stories:,} stories from {releases}."
    return f"{stories:,} {'story' if stories == 1 else 'stories'} from {releases}."


def render_markdown(brief: Brief) -> str:
    title = f"# Brief: {brief.since} to {brief.until}" + (f" — {brief.query}" if brief.query else "")
    lines = [title, "", told(brief), "", "## What happened"]
    for n, story in enumerate(brief.stories, start=1):
        lines += ["", f"### {n}. {story.title}", ""]
        lines += [" ".join(story.summary) or "(no summary)", ""]
        lines += [f"- {s.release.date} · {s.release.source or '?'} · {s.release.title}"
                  f" [{s.release.id}]" + (f" <{s.release.url}>" if s.release.url else "")
                  for s in story.releases]
    if brief.figures:
        lines += ["", "## Key figures", "", "| Indicator | Period | Value | Change | Release |",
                  "|---|---|---:|---:|---|"]
        for row in brief.figures:
            value, change = amount_text(row)
            lines.append(f"| {sentence_case(row.indicator)} | {row.period or ''} | {value} | {change} |"
                         f" {row.release_date} [{row.release_id}] |")
    if brief.meetings:
        lines += ["", "## Who met whom", ""]
        lines += [f"- {m.date}: {people_text(m.people)} — {m.sentence}"
                  for m in brief.meetings]
    if brief.upcoming:
        lines += ["", "## What is coming", ""]
        lines += [f"- **{u.value}**: {u.sentence} [{u.release.release.id}]" for u in brief.upcoming]
    return "\n".join(lines) + "\n"


STYLE = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: 0.3rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3rem; text-align: left; }
td.n { text-align: right; white-space: nowrap; }
.meta { color: #555; font-size: 0.85rem; } ul { padding-left: 1.2rem; }
"""


def esc(text: str | None) -> str:
    return html.escape(text or "")


def web_address(url: str | None) -> bool:
    """Only http(s) addresses become links: a feed's ``javascript:`` URL stays text."""
    return bool(url) and str(url).lower().startswith(("https://", "http://"))


def render_html(brief: Brief) -> str:
    """One self-contained HTML file: styles inline, no script, no external request."""
    head = f"Brief: {brief.since} to {brief.until}" + (f" — {brief.query}" if brief.query else "")
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{esc(head)}"
             f"</title><style>{STYLE}</style></head><body><h1>{esc(head)}</h1>",
             f"<p class='meta'>{esc(told(brief))}</p><h2>What happened</h2>"]
    for n, story in enumerate(brief.stories, start=1):
        items = "".join(
            f"<li>{esc(s.release.date)} · {esc(s.release.source)} · "
            + (f"<a href='{esc(s.release.url)}'>{esc(s.release.title)}</a>"
               if web_address(s.release.url) else esc(s.release.title))
            + f" <span class='meta'>[{esc(s.release.id)}]</span></li>"
            for s in story.releases)
        parts.append(f"<h3>{n}. {esc(story.title)}</h3><p>{esc(' '.join(story.summary))}</p>"
                     f"<ul>{items}</ul>")
    if brief.figures:
        rows = "".join(
            f"<tr><td>{esc(sentence_case(r.indicator))}</td><td>{esc(r.period)}</td>"
            f"<td class='n'>{esc(v)}</td><td class='n'>{esc(c)}</td>"
            f"<td class='meta'>{esc(r.release_date)}</td></tr>"
            for r in brief.figures for v, c in [amount_text(r)])
        parts.append("<h2>Key figures</h2><table><tr><th>Indicator</th><th>Period</th>"
                     f"<th>Value</th><th>Change</th><th>Release</th></tr>{rows}</table>")
    if brief.meetings:
        parts.append("<h2>Who met whom</h2><ul>" + "".join(
            f"<li>{esc(m.date)}: {esc(people_text(m.people))}"
            f" <span class='meta'>— {esc(m.sentence)}</span></li>" for m in brief.meetings) + "</ul>")
    if brief.upcoming:
        parts.append("<h2>What is coming</h2><ul>" + "".join(
            f"<li><b>{esc(u.value)}</b>: {esc(u.sentence)}</li>" for u in brief.upcoming) + "</ul>")
    parts.append("<p class='meta'>Made by pressdesk from the releases named above.</p></body></html>")
    return "".join(parts)


def render_pdf(brief: Brief) -> bytes:
    """The HTML brief as PDF, by WeasyPrint (no network: the HTML names no resource)."""
    from weasyprint import HTML

    pdf: bytes = HTML(string=render_html(brief)).write_pdf()
    return pdf
