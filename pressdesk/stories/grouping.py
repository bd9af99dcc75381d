"""The incremental grouper: each release joins the story it reports, starts one, or bridges two.

For a new release, the ``StoryBook`` (the store, or memory for ``pressdesk
extract``) names the candidates: releases within ``window`` days that share a
blocking key with it (its title without update marks, its heaviest terms, its
smallest shingles), never every release, and as many again within ``reach``
days that share its title or a term (a story can go on for months: a shooting
and the sentencing two years later; a shingle finds a copy, and a copy beyond
the window is no near-duplicate). Against each candidate:

- an **update** (the same title with a mark such as "(LEAD)", "(2nd LD)",
  "UPDATE 1", "CORRECTED", within three days) joins the candidate's story;
- two releases with figures of one series but no period in common (October's
  and November's exports), or two issues of a recurring report (one title but
  for its numbers, on different days, neither an update), are never alike;
  and a story any of whose members is another issue of the report the release
  is one of (other numbers in the title, or the same title within the window,
  and not the same text printed again: ``other_issue``) is **apart**, whichever of its
  members the blocking found: the release does not join it, nor merge it
  with another story (the daily reports of a money market and the comment
  around them are not one story, though each comment is like the issues on
  either side; one headline years apart may be one event's, reprinted or
  misdated);
- a **near-duplicate** (most of its text shared, by the shingle sketches) joins;
- otherwise the **similarity** is the cosine of the two releases' weighted terms
  (sublinear in their counts, each weighed by its rarity across the book when
  its release was grouped, and no more than within the release's source once
  that has ``SOURCE_MIN`` releases: ``rarities``; a candidate's vector is read,
  never weighed again; names and entities count more, see ``features``); releases sharing
  fewer than ``shared`` terms have none;
- a candidate **beyond the window** is never a near-duplicate, and its
  similarity counts ``far`` times (0.6).

The release joins the story with the highest *average* similarity over all of
its members (average link: a story does not grow by chains of near neighbours)
if that reaches ``join`` (``far_join`` for a story none of whose members found
is within the window: an old story is taken up again only on much more than
a shared subject); any other story it reaches ``merge`` with (and
``far_join``, if old) is the same event, and the stories merge, the oldest id
surviving. Every choice is made in
a fixed order, so the same releases in the same order give the same stories,
however they are batched. The stories around each release are looked at again
once ``lag`` more releases are grouped (``consolidation``: average link over
every pair of their members, for fragments of one event arrival kept apart).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple, Protocol

from pressdesk.facts import Extraction
from pressdesk.models import Release, StoryReason
from pressdesk.stories.features import (
    SHINGLES,
    Counts,
    StoryFeatures,
    TextReading,
    figure_terms,
    rarities,
    read_text,
    release_features,
    with_entities,
)

__all__ = [
    "Candidate",
    "Grouping",
    "GroupingOptions",
    "MemoryBook",
    "StoryBook",
    "group_release",
    "read_terms",
    "story_id",
]

SHARED = 8  # shared terms named in a reason
APART = float("-inf")  # the similarity of two issues of a report: never one story


@dataclass(frozen=True, slots=True)
class GroupingOptions:
    """The grouper's settings (see ``docs/benchmarks.md`` for how each was chosen)."""

    join: float = 0.09  # average similarity to a story's members that joins it
    merge: float = 0.19  # ... that makes a second story one with the first
    duplicate: float = 0.5  # shingle resemblance of a near-duplicate
    reprint: float = 0.9  # ... of a report printed again (two issues share their boilerplate)
    shared: int = 3  # terms two releases must share to be alike at all
    window: int = 30  # days between a release and a candidate
    reach: int = 3650  # days between a release and a candidate beyond the window
    far: float = 0.6  # what the similarity of a candidate beyond the window counts
    far_join: float = 0.2  # average similarity that joins a story found only beyond the window
    update_days: int = 3  # days between versions of one title
    keys: int = 6  # heaviest terms used as blocking keys
    candidates: int = 10  # releases fetched per blocking key, nearest in time first
    near: float = 0.03  # average similarity of a release to a story that consolidation looks at
    lag: int = 20  # releases grouped after one before its neighbourhood is consolidated
    neighbours: int = 3  # the most alike stories held with a release's own
    link: float = 0.07  # average link (over every pair of members) that merges two stories
    link_far: float = 0.4  # what the similarity of a pair beyond the window counts in a link
    small: int = 4  # consolidation compares two stories only when one has at most this many
    large: int = 20  # ... and the two together at most this many


@dataclass(frozen=True, slots=True)
class Candidate:
    """A release the book found for a blocking key, with the story it belongs to."""

    features: StoryFeatures
    story: str


@dataclass(frozen=True, slots=True)
class Grouping:
    """What grouping decided for one release."""

    release_id: str
    story: str
    reason: StoryReason
    merged: tuple[str, ...] = ()  # stories that proved to be this one (their ids now resolve to it)
    compared: int = 0  # grouped releases it was compared with (the candidates its keys found)


class StoryBook(Protocol):
    """Where the grouper finds candidates and records its decisions (store or memory)."""

    def term_counts(self, terms: Sequence[int], source: str) -> tuple[Counts, Counts]:
        """How many releases were grouped and how many of them hold each of ``terms``; and
        the same of the releases of ``source`` alone."""
        ...

    def candidates(self, spans: Sequence[tuple[Sequence[int], int, int]],
                   limit: int) -> list[Candidate]:
        """Grouped releases holding any of a span's keys, up to ``limit`` per key dated
        within the span's days (keys, low, high), each once: those of the first span in
        order of id, then those the next adds, and so on."""
        ...

    def story_sizes(self, stories: Sequence[str]) -> dict[str, tuple[int, int]]:
        """Each story's (creation order, number of members)."""
        ...

    def add(self, features: StoryFeatures, keys: Sequence[int], terms: Sequence[int], story: str,
            reason: StoryReason) -> None:
        """Record a release as a member of ``story`` (created if new) and count its distinct
        ``terms``, among all releases and its source's."""
        ...

    def merge(self, survivor: str, absorbed: Sequence[str]) -> Sequence[str]:
        """Move the members of ``absorbed`` into ``survivor`` (their ids then resolve to it);
        returns the releases moved."""
        ...

    def flush(self) -> None:
        """Make what was recorded lasting (at the end of a batch)."""
        ...

    def hold(self, stories: Sequence[str]) -> None:
        """Keep the neighbourhood of the release just added (its story, then the other
        stories it resembled) until it is consolidated (``due``)."""
        ...

    def due(self, lag: int) -> list[tuple[str, ...]]:
        """Take the neighbourhoods held of releases followed by ``lag`` releases grouped or
        more, oldest first."""
        ...

    def resolve(self, stories: Sequence[str]) -> dict[str, str]:
        """The live story each id names now (a merged story's id names its survivor)."""
        ...

    def member_features(self, stories: Sequence[str]) -> dict[str, list[StoryFeatures]]:
        """The features of each live story's members, by release id."""
        ...


def story_id(release_id: str) -> str:
    """The id of a story started by a release: stable, and never a release id."""
    return "s" + hashlib.sha256(f"story\x1f{release_id}".encode()).hexdigest()[:11]


class Reading(NamedTuple):
    """A release's terms by hash with their weights, each hash's text, the hashes in order,
    and its shingle sketch."""

    hashed: dict[int, float]
    names: dict[int, str]
    terms: list[int]
    shingles: tuple[int, ...]


def read_terms(release: Release, facts: Extraction | None, text: TextReading | None = None) -> Reading:
    """What grouping reads of a release before it looks at the book (see ``features``);
    ``text``: its ``read_text``, when read already."""
    text = text or read_text(release)
    hashed, names = with_entities(text, facts)
    figures = figure_terms(facts)
    if figures:
        names = {**names, **{key[0]: said for key, said in figures.items()}}
    return Reading(hashed, names, sorted(hashed), text.shingles)


def group_release(
    book: StoryBook, release: Release, facts: Extraction | None,
    options: GroupingOptions = GroupingOptions(), reading: Reading | None = None,
) -> Grouping:
    """Put one release into its story, recording the decision in ``book`` (``reading``:
    its ``read_terms``, when read already)."""
    hashed, names, terms, shingles = reading or read_terms(release, facts)
    overall, own = book.term_counts(terms, release.source)
    features = release_features(release, facts, hashed, rarities(overall, terms, own), shingles)
    keys = features.keys(options.keys)
    found = [c for c in candidates(book, features, options)
             if c.features.release_id != release.id]
    mine = dict(zip(features.term_ids, features.weights, strict=True))
    scores = [score(features, mine, c, options) for c in found]
    decision = decide(book, features, scores, options)
    decision = replace(decision, reason=explained(decision.reason, features, found, names),
                       compared=len(found))
    if decision.merged:
        book.merge(decision.story, decision.merged)
    book.add(features, keys, terms, decision.story, decision.reason)
    book.hold(neighbourhood(book, decision, scores, options))
    return decision


def neighbourhood(
    book: StoryBook, decision: Grouping, scores: Sequence[_Score], options: GroupingOptions,
) -> tuple[str, ...]:
    """The release's story, then the other stories its average similarity to reaches
    ``near``, the ``neighbours`` most alike of them at most (see ``consolidation``; the
    bound keeps a release that resembles many stories, a remix of two, from costing more)."""
    totals: dict[str, float] = defaultdict(float)
    for s in scores:
        totals[s.candidate.story] += s.similarity
    for story in (decision.story, *decision.merged):
        totals.pop(story, None)
    sizes = book.story_sizes(sorted(totals))
    average = {st: total / sizes[st][1] for st, total in totals.items()
               if total >= options.near * sizes[st][1]}
    nearest = sorted(average, key=lambda st: (-average[st], st))[: options.neighbours]
    return (decision.story, *sorted(nearest))


def candidates(book: StoryBook, features: StoryFeatures, options: GroupingOptions,
               ) -> list[Candidate]:
    """The releases found for the release's blocking keys within the window, and as many
    again within the reach (so the nearest in time do not crowd out an old story) for its
    title and terms alone (the sketch's keys find copies, and beyond the window a copy is
    no near-duplicate; on make_corpus's remixes, which share whole sentences years apart,
    they found a sixth of a release's candidates at 100k): one look-up."""
    day = features.day
    spans = [(features.keys(options.keys), day - options.window, day + options.window)]
    if options.reach > options.window:
        spans.append((features.keys(options.keys, sketch=False), day - options.reach,
                      day + options.reach))
    return book.candidates(spans, options.candidates)


def explained(
    reason: StoryReason, features: StoryFeatures, found: Sequence[Candidate], names: dict[int, str],
) -> StoryReason:
    """The reason with what the release shares with the one it is most like, in words:
    its heaviest shared terms (names first, as they weigh most) and figures."""
    other = next((c.features for c in found if c.features.release_id == reason.like), None)
    if other is None:
        return reason
    theirs = {t for t, _ in other.terms}
    shared = [names[t] for t, _ in features.terms if t in theirs and t in names]
    figures = set(other.figures)
    shared += [names[s] for s, p in features.figures if (s, p) in figures and s in names]
    return replace(reason, shared=tuple(dict.fromkeys(shared))[:SHARED])


@dataclass(slots=True)
class _Score:
    candidate: Candidate
    similarity: float
    kind: str  # "duplicate", "update", "similar", or "apart": another issue of a report
    resemblance: float


def decide(
    book: StoryBook, features: StoryFeatures, scores: list[_Score], options: GroupingOptions,
) -> Grouping:
    """Join, start or bridge stories by the release's ``score`` against each candidate."""
    if not scores:
        return _new_story(features)
    sizes = book.story_sizes(sorted({s.candidate.story for s in scores}))
    versions = [s for s in scores if s.kind in ("update", "duplicate")]
    if versions:
        best = min(versions, key=lambda s: (-s.resemblance, sizes[s.candidate.story][0]))
        return _join(features, best, best.similarity, ())
    return _by_average(book, features, scores, sizes, options)


def _by_average(
    book: StoryBook, features: StoryFeatures, scores: list[_Score],
    sizes: dict[str, tuple[int, int]], options: GroupingOptions,
) -> Grouping:
    totals: dict[str, float] = defaultdict(float)
    nearest: dict[str, _Score] = {}
    recent: set[str] = set()  # stories with a member found within the window
    for s in scores:
        story = s.candidate.story
        totals[story] += s.similarity
        if story not in nearest or s.similarity > nearest[story].similarity:
            nearest[story] = s
        if abs(s.candidate.features.day - features.day) <= options.window:
            recent.add(story)
    average = {story: total / max(1, sizes[story][1]) for story, total in totals.items()}
    ranked = [st for st in sorted(average, key=lambda st: (-average[st], sizes[st][0]))
              if average[st] >= (options.join if st in recent else options.far_join)]
    ranked = without_issues(book, features, ranked, options)
    if not ranked:
        return _new_story(features)
    same = [st for st in ranked if average[st] >= options.merge]
    if len(same) > 1:
        same = bridged(book, same, options)
    if len(same) < 2:
        return _join(features, nearest[ranked[0]], average[ranked[0]], ())
    survivor = min(same, key=lambda st: sizes[st][0])
    others = tuple(st for st in same if st != survivor)
    return _join(features, nearest[ranked[0]], average[ranked[0]], others, survivor)


def without_issues(book: StoryBook, features: StoryFeatures, stories: Sequence[str],
                   options: GroupingOptions) -> list[str]:
    """The stories holding no other issue of a report the release is one of, whichever
    of their members the blocking found (the daily reports of a money market and the comment
    around them are not one story, though each comment is like the issues on either side)."""
    members = book.member_features(stories) if stories else {}
    return [st for st in stories if not any(other_issue(features, m, options) for m in members[st])]


def bridged(book: StoryBook, stories: Sequence[str], options: GroupingOptions) -> list[str]:
    """The stories a bridging release may merge: the first (the one it joins) and each of the
    others, in order, holding no other issue of a report that a member of those taken holds
    (a comment like two days' issues of a daily report does not make them one story)."""
    members = book.member_features(stories)
    taken, kept = [stories[0]], list(members[stories[0]])
    for story in stories[1:]:
        if not any(other_issue(a, b, options) for a in members[story] for b in kept):
            taken.append(story)
            kept += members[story]
    return taken


def other_issue(a: StoryFeatures, b: StoryFeatures, options: GroupingOptions,
                resemblance: Callable[[], float] | None = None) -> bool:
    """Two issues of a recurring report (``recurs``), never one story: other numbers in one
    title, or one title within the window (the next issue of a daily report; far apart, one
    headline may be one event's, reprinted or misdated), and not the same text printed
    again (``reprint``: a daily report's boilerplate alone is no reprint; ``resemblance``:
    their sketches' resemblance when asked)."""
    if not recurs(a, b) or (a.title == b.title and abs(a.day - b.day) > options.window):
        return False
    alike = resemblance() if resemblance else sketch_resemblance(a.shingles, b.shingles)
    return alike < options.reprint


def _new_story(features: StoryFeatures) -> Grouping:
    return Grouping(features.release_id, story_id(features.release_id), StoryReason("first"))


def _join(
    features: StoryFeatures, best: _Score, average: float, merged: tuple[str, ...],
    story: str | None = None,
) -> Grouping:
    other = best.candidate.features
    reason = StoryReason(
        kind=best.kind, like=other.release_id, similarity=round(best.similarity, 3),
        story_similarity=round(average, 3), days=abs(features.day - other.day),
        shared=(), resemblance=round(best.resemblance, 3),
    )
    return Grouping(features.release_id, story or best.candidate.story, reason, merged)


def score(
    features: StoryFeatures, mine: dict[int, float], candidate: Candidate,
    options: GroupingOptions,
) -> _Score:
    other = candidate.features
    resemblance = sketch_resemblance(features.shingles, other.shingles)
    kind, value = judge(features, mine, other, options, lambda: resemblance)
    return _Score(candidate, value, kind, resemblance)


def similarity(
    features: StoryFeatures, mine: dict[int, float], other: StoryFeatures,
    options: GroupingOptions,
) -> float:
    """``score``'s similarity alone, by the same rules, the sketches compared only where they
    decide: what consolidation averages. Two issues of a report are ``APART``: minus
    infinity, so that no average over them can merge."""
    kind, value = judge(features, mine, other, options,
                        lambda: sketch_resemblance(features.shingles, other.shingles))
    return APART if kind == "apart" else value


def judge(
    features: StoryFeatures, mine: dict[int, float], other: StoryFeatures,
    options: GroupingOptions, resemblance: Callable[[], float],
) -> tuple[str, float]:
    """What one release is to another, and how alike: an update or a near-duplicate (1),
    another issue of a report ("apart"), figures of another period (0), or their cosine;
    ``resemblance`` gives their sketches' resemblance when asked."""
    if is_update(features, other, options):
        return "update", 1.0
    if recurs(features, other):  # another issue of a report, unless the same text again
        return ("apart" if other_issue(features, other, options, resemblance) else "similar"), 0.0
    if figures_differ(features, other):
        return "similar", 0.0
    near = abs(features.day - other.day) <= options.window
    if near and resemblance() >= options.duplicate:
        return "duplicate", 1.0
    return "similar", cosine(mine, other, options, near)


def cosine(mine: dict[int, float], other: StoryFeatures, options: GroupingOptions,
           near: bool) -> float:
    """The sum of products of the terms two releases share (0 under ``shared`` of them),
    ``far`` times that beyond the window."""
    shared = [x * mine[t] for t, x in zip(other.term_ids, other.weights, strict=True) if t in mine]
    if len(shared) < options.shared:
        return 0.0
    return sum(shared) * (1.0 if near else options.far)


def is_update(a: StoryFeatures, b: StoryFeatures, options: GroupingOptions) -> bool:
    """Two versions of one wire story: one title, a version mark on either, days apart."""
    return (a.title == b.title and bool(a.update or b.update)
            and abs(a.day - b.day) <= options.update_days)


def recurs(a: StoryFeatures, b: StoryFeatures) -> bool:
    """Two issues of a recurring report: one title (but for its numbers), on different days,
    neither marked as an update of the other."""
    return a.template == b.template and a.day != b.day and not (a.update or b.update)


def figures_differ(a: StoryFeatures, b: StoryFeatures) -> bool:
    """Both report one indicator, but for no period in common: two releases of a series."""
    if not (a.figures and b.figures):  # as a rule (none without extraction): no sets made
        return False
    series_a = {s for s, _ in a.figures}
    shared = series_a & {s for s, _ in b.figures}
    return bool(shared) and not (set(a.figures) & set(b.figures))


def sketch_resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of the smallest hashes of both sketches' union that both hold (bottom-k),
    an estimate of the share of shingles the two texts have in common."""
    both = set(a).intersection(b)
    if not both:
        return 0.0
    if len(a) < SHINGLES and len(b) < SHINGLES:  # whole sets: their Jaccard index
        return len(both) / len(set(a).union(b))
    k = min(len(a), len(b))
    union = sorted(set(a).union(b))[:k]
    return sum(1 for h in union if h in both) / k


# -- in memory -------------------------------------------------------------------------


@dataclass
class MemoryBook:
    """A StoryBook in memory: grouping within one input (``pressdesk extract``), and tests.
    It counts each term's releases as they are grouped, like the store, or (``counted``)
    holds the whole input's counts from the start."""

    docs: int = 0  # releases counted (``counts``: how many of them hold each term)
    counts: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    sources: dict[str, tuple[int, dict[int, int]]] = field(default_factory=dict)  # the same, by source
    known: bool = False  # the counts are the whole input's (``counted``): grouping adds none
    grouped: int = 0
    postings: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    features: dict[str, StoryFeatures] = field(default_factory=dict)
    member_of: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    merged_into: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, StoryReason] = field(default_factory=dict)
    held: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)

    @classmethod
    def counted(cls, inputs: Iterable[tuple[str, Sequence[int]]]) -> MemoryBook:
        """A book that weighs every release by the terms of the whole input (each release's
        source and distinct terms, as ``read_terms`` gives them), counted before any is
        grouped."""
        book = cls(known=True)
        for source, terms in inputs:
            book._count(source, terms)
        return book

    def _count(self, source: str, terms: Sequence[int]) -> None:
        self.docs += 1
        docs, held = self.sources.get(source) or (0, defaultdict(int))
        self.sources[source] = (docs + 1, held)
        for term in terms:
            self.counts[term] += 1
            held[term] += 1

    def term_counts(self, terms: Sequence[int], source: str) -> tuple[Counts, Counts]:
        docs, held = self.sources.get(source) or (0, {})
        return Counts(self.docs, self.counts), Counts(docs, held)

    def candidates(self, spans: Sequence[tuple[Sequence[int], int, int]],
                   limit: int) -> list[Candidate]:
        found: dict[str, None] = {}
        for keys, low, high in spans:
            span: set[str] = set()
            for key in keys:
                near = [rid for day, rid in self.postings.get(key, ()) if low <= day <= high]
                span.update(near[-limit:])
            found.update(dict.fromkeys(sorted(span.difference(found))))
        return [Candidate(self.features[rid], self.member_of[rid]) for rid in found]

    def story_sizes(self, stories: Sequence[str]) -> dict[str, tuple[int, int]]:
        return {s: (self.order[s], len(self.members[s])) for s in stories}

    def add(self, features: StoryFeatures, keys: Sequence[int], terms: Sequence[int], story: str,
            reason: StoryReason) -> None:
        rid = features.release_id
        self.grouped += 1
        if not self.known:
            self._count(features.source, terms)
        for key in dict.fromkeys(keys):
            self.postings[key].append((features.day, rid))
        self.features[rid] = features
        self.member_of[rid] = story
        self.order.setdefault(story, len(self.order))
        self.members.setdefault(story, []).append(rid)
        self.reasons[rid] = reason

    def flush(self) -> None:
        """Nothing to write: memory is all there is."""

    def merge(self, survivor: str, absorbed: Sequence[str]) -> Sequence[str]:
        moved: list[str] = []
        for story in absorbed:
            for rid in self.members.pop(story):
                self.member_of[rid] = survivor
                self.members[survivor].append(rid)
                moved.append(rid)
            for old, into in list(self.merged_into.items()):
                if into == story:
                    self.merged_into[old] = survivor
            self.merged_into[story] = survivor
        return moved

    def hold(self, stories: Sequence[str]) -> None:
        self.held.append((self.grouped, tuple(stories)))

    def due(self, lag: int) -> list[tuple[str, ...]]:
        ready = [stories for seq, stories in self.held if seq <= self.grouped - lag]
        del self.held[: len(ready)]
        return ready

    def resolve(self, stories: Sequence[str]) -> dict[str, str]:
        return {s: self.merged_into.get(s, s) for s in stories}

    def member_features(self, stories: Sequence[str]) -> dict[str, list[StoryFeatures]]:
        return {s: [self.features[rid] for rid in sorted(self.members[s])] for s in stories}

