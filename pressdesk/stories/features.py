"""What grouping reads of a release: weighted terms, names, figures, shingles, its title.

``release_features(release, facts)`` turns a release (and what extraction found
in it, when it ran) into ``StoryFeatures``: the few numbers that grouping
compares, packed so the store can keep them beside the release
(``encode``/``decode``) and compare them without reading the text again.

- **terms**: the release's words as 32-bit hashes with a weight (its tf-idf when
  the release was grouped, the vector of unit length). Words count by their
  English (Snowball) stem, so "killed" and "kills", "quake" and "quakes", a
  headline's "Patches" and the body's "patch" are one term. A word counts
  twice in the title or lead and three times written with a capital inside a
  sentence (a name); runs of capitalised words also count as one term ("Jamal
  Williams", not stemmed), numbers as written ("6.1", "52-3", twice: a toll,
  an age, a magnitude tells two events of one kind apart), and the people and
  organisations extraction found under their entity keys. Only the
  ``TERMS`` heaviest are kept (by weight times rarity when they are chosen).
- **figures**: each statistic's series and period, so that October's and
  November's export figures tell two stories apart.
- **shingles**: the smallest hashes of the body's five-word shingles (a
  bottom-k sketch), whose overlap estimates how much text two releases share.
- **title**: the hash of the title with update marks ("(LEAD)", "(2nd LD)",
  "UPDATE 1", "CORRECTED") and a trailing label in parentheses ("(Reuters)",
  "(PHOTOS)", a document number) taken off, and ``update``: the mark, if any;
  **template**: the same with its numbers as "#" ("Money market given # mln
  assistance"), which a daily or monthly report keeps from one issue to the next.
"""

from __future__ import annotations

import functools
import math
import re
import struct
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import repeat
from typing import Any, NamedTuple

import numpy
import Stemmer

from pressdesk.facts import Extraction
from pressdesk.models import Release

__all__ = [
    "Counts",
    "StoryFeatures",
    "TextReading",
    "base_title",
    "decode",
    "encode",
    "figure_terms",
    "hash_terms",
    "most_typical",
    "term_arrays",
    "rarities",
    "read_text",
    "read_words",
    "release_features",
    "term_hash",
    "update_mark",
    "with_entities",
]

TERMS = 64  # terms kept per release
SHINGLES = 24  # bottom-k sketch size
SHINGLE_WORDS = 5
LEAD_CHARS = 300  # title and this much of the body weigh double
BODY_CHARS = 6000  # what is read of a long body
LEAD_WEIGHT = 2.0
NAME_WEIGHT = 3.0
NUMBER_WEIGHT = 2.0
ENTITY_WEIGHT = 2.0

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves said says say one two three year
years told may might last first new mr mrs ms per cent percent
""".split()  # noqa: SIM905 - a word list reads better as words
)

TOKEN = re.compile(r"\w+(?:['’.,-]\w+)*|[.!?;:\"“”()]")
SENTENCE_OPEN = frozenset('.!?;:"“(')
MARK = (r"(?:lead|\d+(?:st|nd|rd|th)\s+ld(?:[\s-]*writethru)?|update\s*\d*|corrected|correction"
        r"|refile|urgent)")
UPDATE = re.compile(
    rf"^\s*(?:\({MARK}\)|(?:update\s*\d+|corrected|correction|refile)\b)\s*[-:–—]?\s*"
    rf"|\s*(?:[-:–—]\s*(?:update\s*\d*|corrected|correction|refile)|\({MARK}\))\s*$",
    re.IGNORECASE,
)
# a trailing label in parentheses with a letter in it ("(Reuters)", "(29_1ecbplus)"); a
# number alone in parentheses ("(2)") numbers an issue, and stays
LABEL = re.compile(r"\s*\((?=[^()]*[^\W\d_])[^()]*\)\s*$")
WORDS = re.compile(r"[^\W_]+")
SPACE = re.compile(r"\s")
DIGIT = re.compile(r"\d")
NUMBER = re.compile(r"\d+")
Terms = dict[str, float]  # term -> weight
_STEMMER = Stemmer.Stemmer("english")


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """The English Snowball stem of a word in lower case ("killed", "kills" -> "kill"), each
    word's once (this is in ``count_tokens``'s loop)."""
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What grouping compares of one release (see the module docstring)."""

    release_id: str
    day: int  # the release date as a day number (date.toordinal)
    source: str
    title: int  # hash of the title without update marks
    template: int  # ... and with its numbers as "#": what a recurring report keeps
    update: str  # the update mark ("LEAD", "2nd LD", "UPDATE 1", "CORRECTED"), or ""
    term_ids: array[int]  # term hashes ("I"), heaviest first
    weights: array[float]  # ... and their weights ("f", as the store keeps them)
    figures: tuple[tuple[int, int], ...]  # (series hash, period hash)
    shingles: tuple[int, ...]  # the smallest shingle hashes, ascending

    @property
    def terms(self) -> tuple[tuple[int, float], ...]:
        """(term hash, weight), heaviest first. The terms are kept in two arrays: a candidate's
        are read for every release it is compared with, and a few compact objects stay in the
        processor's caches where a tuple per term did not (scoring took three times as long)."""
        return tuple(zip(self.term_ids, self.weights, strict=True))

    def keys(self, count: int, sketch: bool = True) -> tuple[int, ...]:
        """The blocking keys: the title, the ``count`` heaviest terms, the smallest shingles
        (``sketch``)."""
        return (self.title, *self.term_ids[:count], *(self.shingles[:4] if sketch else ()))


def term_hash(term: str) -> int:
    return zlib.crc32(term.encode("utf-8"))


def update_mark(title: str) -> str:
    """The update mark a wire service puts on a title ("LEAD", "2nd LD", "UPDATE 2"), or ""."""
    found = UPDATE.search(title)
    if not found:
        return ""
    mark = " ".join(WORDS.findall(found.group()))
    return mark.upper() if mark.lower() in ("lead", "urgent") else mark


def base_title(title: str) -> str:
    """The title without update marks, its words folded: what versions of one story share."""
    stripped = LABEL.sub(" ", UPDATE.sub(" ", title))
    return " ".join(w.lower() for w in WORDS.findall(stripped))


class TextReading(NamedTuple):
    """What grouping reads of a release's text alone, before extraction and the book: its
    words by hash with their weights, each hash's text, and its shingle sketch. Small and
    picklable, so a worker process can read a batch's texts (``stories.workers``)."""

    hashed: dict[int, float]
    names: dict[int, str]
    shingles: tuple[int, ...]


def read_text(release: Release) -> TextReading:
    return read_words(release.title, release.body)


def read_words(title: str, body: str) -> TextReading:
    """``read_text`` of a title and body."""
    shown: dict[str, str] = {}
    hashed, names = hash_terms(text_terms(title, body, shown), shown)
    return TextReading(hashed, names, bottom_shingles(body))


def with_entities(text: TextReading, facts: Extraction | None) -> tuple[dict[int, float], dict[int, str]]:
    """The text's terms by hash with the people and organisations extraction found added
    (each at ``ENTITY_WEIGHT``), and each hash's text."""
    names = entity_terms(facts) if facts is not None else []
    if not names:
        return text.hashed, text.names
    hashed, known = dict(text.hashed), dict(text.names)
    for name in names:
        h = term_hash(name)
        hashed[h] = hashed.get(h, 0.0) + ENTITY_WEIGHT
        known[h] = name
    return hashed, known


def hash_terms(terms: Terms, shown: Mapping[str, str] | None = None,
               ) -> tuple[dict[int, float], dict[int, str]]:
    """The terms by hash, with their weights summed, and each hash's text (a stem as
    ``shown`` has it written, when it has)."""
    names = {term_hash(term): term for term in terms}
    hashed: dict[int, float] = defaultdict(float)
    for h, term in names.items():
        hashed[h] += terms[term]
    if shown:
        names = {h: shown.get(term, term) for h, term in names.items()}
    return dict(hashed), names


def release_features(
    release: Release, facts: Extraction | None, hashed: dict[int, float],
    rarity: dict[int, float], shingles: tuple[int, ...] | None = None,
) -> StoryFeatures:
    """The features of one release from its hashed terms (``with_entities(read_text(...))``)
    and extraction. ``rarity`` (each term's inverse document frequency, as the book
    counts now) picks the terms kept and weighs them: each keeps (1 + log(1 + weight))
    times its rarity, the kept ones scaled to unit length, so that two releases' similarity
    is the sum of products over the terms they share (cosine), weighed as each was grouped."""
    kept = [t for _, t in sorted([(-w * rarity[t], t) for t, w in hashed.items()])[:TERMS]]
    weights = [(1.0 + math.log1p(hashed[t])) * rarity[t] for t in kept]
    norm = math.sqrt(sum(x * x for x in weights)) or 1.0
    return StoryFeatures(
        release_id=release.id,
        day=day_number(release.date),
        source=release.source,
        title=term_hash("title " + base_title(release.title)),
        template=term_hash("template " + NUMBER.sub("#", base_title(release.title))),
        update=update_mark(release.title),
        term_ids=array("I", kept),
        weights=array("f", [x / norm for x in weights]),
        figures=tuple(sorted(figure_terms(facts))),
        shingles=bottom_shingles(release.body) if shingles is None else shingles,
    )


def day_number(iso: str) -> int:
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return 0


def text_terms(title: str, body: str, shown: dict[str, str] | None = None) -> Terms:
    """The weighted terms of a title and body (``count_tokens``); ``shown``, if given, gets
    each stem as first written ("earthquak": "earthquake"), to name it in a reason."""
    counts: Terms = defaultdict(float)
    shown = {} if shown is None else shown
    count_tokens(counts, title, len(title) + 1, shown)
    count_tokens(counts, body[:BODY_CHARS], LEAD_CHARS, shown)
    return counts


def count_tokens(counts: Terms, text: str, lead: int, shown: dict[str, str]) -> None:
    """Add the weight of each word, number and run of capitalised words of ``text`` to
    ``counts``; words up to the first space past ``lead`` weigh double. One loop over the
    tokens (this is most of grouping's time): a number counts as written, twice; a word of
    three letters or more that is no stop word counts once by its stem (``shown`` keeps the
    word a stem was first written as), three times written with a capital inside a sentence
    (a name, stemmed too: a headline's capitals are no names), and a name after a name counts
    as a pair too, as written."""
    cut = SPACE.search(text, lead) if lead < len(text) else None
    end = cut.start() if cut else len(text)
    parts = ((TOKEN.findall(text, 0, end), LEAD_WEIGHT), (TOKEN.findall(text, end), 1.0))
    opening, run = True, ""
    for words, scale in parts:
        name = scale * NAME_WEIGHT
        for word in words:
            if word in SENTENCE_OPEN:
                opening, run = True, ""
                continue
            lower = word.lower()
            capital = word[0].isupper() and not opening and "_" not in word
            opening = False
            if "_" in word:
                run = ""
            elif not word.isalpha() and DIGIT.search(word):
                counts["#" + lower] += scale * NUMBER_WEIGHT
                run = lower if capital and lower not in STOPWORDS else ""
            elif len(word) < 3 or lower in STOPWORDS:
                run = lower if capital and lower not in STOPWORDS else ""
            elif capital:
                key = stem(lower)
                counts[key] += name
                shown.setdefault(key, lower)
                if run:
                    counts[f"{run} {lower}"] += name
                run = lower
            else:
                key = stem(lower)
                counts[key] += scale
                shown.setdefault(key, lower)
                run = ""


def entity_terms(facts: Extraction) -> list[str]:
    from pressdesk.entities import entity_key  # the extractors' keys: loaded only with facts

    return ([f"person {entity_key('person', p.name)}" for p in facts.people]
            + [f"org {entity_key('org', o.name)}" for o in facts.orgs])


def figure_terms(facts: Extraction | None) -> dict[tuple[int, int], str]:
    """Each statistic's (series hash, period hash), with how to say it."""
    if facts is None:
        return {}
    return {(term_hash(f.series), term_hash(f.period or "")): f"{f.indicator} {f.period}"
            for f in facts.figures if f.series and f.period and f.kind == "actual"}


def bottom_shingles(body: str) -> tuple[int, ...]:
    """The ``SHINGLES`` smallest hashes of the body's runs of five words (each hashed from
    its words' hashes, so every word is hashed once; the runs mixed in numpy, whose 64-bit
    arithmetic wraps where Python's would not, but keeps the bits the hash takes)."""
    words = WORDS.findall(body[:BODY_CHARS].lower())
    if len(words) < SHINGLE_WORDS:
        return (term_hash(" ".join(words)),) if words else ()
    distinct = set(words)
    known = dict(zip(distinct, map(zlib.crc32, map(str.encode, distinct)), strict=True))
    h = numpy.fromiter(map(known.__getitem__, words), dtype=numpy.uint64, count=len(words))
    n = len(h) - SHINGLE_WORDS + 1
    mixed = h[:n] << SHIFTS[0]
    for i in range(1, SHINGLE_WORDS):
        mixed ^= h[i : n + i] << SHIFTS[i]
    grams = numpy.unique(((mixed * MIX) >> SHIFTS[0]) & MASK)  # sorted
    return tuple(grams[:SHINGLES].tolist())


# the words in order (shifted 16, 12, 8, 4, 0 bits), mixed by Fibonacci hashing
SHIFTS = tuple(numpy.uint64(4 * (SHINGLE_WORDS - 1 - i)) for i in range(SHINGLE_WORDS))
MIX, MASK = numpy.uint64(0x9E3779B97F4A7C15), numpy.uint64(0xFFFFFFFF)


class Counts(NamedTuple):
    """How many releases were counted, and how many of them hold each term (a mapping that
    may hold other terms too, and lacks those none holds)."""

    docs: int
    held: Mapping[int, int]


SOURCE_MIN = 3  # releases of a source counted before its own counts weigh its terms


def rarities(overall: Counts, terms: Sequence[int], own: Counts | None = None) -> dict[int, float]:
    """The inverse document frequency of each term, smoothed so that a term of an empty
    collection weighs 1 and one no release holds weighs most; and, with ``own`` (the counts
    of the release's source) once they hold ``SOURCE_MIN`` releases, no more than within its
    source: a ministry's name, its minister's and its dateline are in most of its releases,
    however rare they are in the rest (beside a newswire's thousands of stories they weighed
    like the names of an event, and chained the ministry's releases into stories)."""
    found = _idf(overall, terms)
    if own is None or own.docs < SOURCE_MIN or own.docs == overall.docs:  # one source: the same
        return found
    return dict(zip(terms, map(min, found.values(), _idf(own, terms).values()), strict=True))


def _idf(counts: Counts, terms: Sequence[int]) -> dict[int, float]:
    if not counts.docs:
        return dict.fromkeys(terms, 1.0)
    held = map(counts.held.get, terms, repeat(0))  # top - log(held + 0.5), term by term, in C
    top = math.log(counts.docs + 1)
    return dict(zip(terms, map(top.__sub__, map(math.log, map(0.5.__add__, held))), strict=True))


def most_typical(members: Sequence[tuple[Any, Any]]) -> int:
    """Which of a story's members is most like the others, by their terms and weights
    (``term_arrays``): the greatest sum of cosines of its weighted terms to theirs
    (u . U - u . u, U the sum of all), the first on a tie (rounded, so that two members
    alike to each other alone tie whatever the order of the sums). Its title names the
    story: the first release need not name the event (a takeover battle grouped after a
    holder's stake filing). In numpy: a listing of every story of a large store asks it
    of thousands."""
    if len(members) < 3:
        return 0
    terms = numpy.concatenate([t for t, _ in members])
    weights = numpy.concatenate([w for _, w in members]).astype(numpy.float64)
    owner = numpy.repeat(numpy.arange(len(members)), [len(t) for t, _ in members])
    _, term = numpy.unique(terms, return_inverse=True)
    total = numpy.bincount(term, weights=weights)
    alike = numpy.bincount(owner, weights=weights * (total[term] - weights), minlength=len(members))
    return int(numpy.argmax(numpy.round(alike, 9)))


def term_arrays(data: bytes | StoryFeatures) -> tuple[Any, Any]:
    """The term hashes and weights of packed features (``encode``), or of features, as
    numpy arrays, without decoding the rest."""
    if isinstance(data, StoryFeatures):
        return (numpy.frombuffer(data.term_ids, dtype=numpy.uint32),
                numpy.frombuffer(data.weights, dtype=numpy.float32))
    n_terms = HEAD.unpack_from(data)[3]
    at = HEAD.size + 1 + data[HEAD.size]
    return (numpy.frombuffer(data, dtype="<u4", count=n_terms, offset=at),
            numpy.frombuffer(data, dtype="<f4", count=n_terms, offset=at + 4 * n_terms))


# -- packing -------------------------------------------------------------------------

HEAD = struct.Struct("<iIIBBB")


def encode(features: StoryFeatures) -> bytes:
    """The features as bytes for the store (the id and source are kept in columns)."""
    update = features.update.encode("utf-8")[:255]
    head = HEAD.pack(features.day, features.title, features.template, len(features.term_ids),
                     len(features.figures), len(features.shingles))
    return b"".join((
        head, bytes([len(update)]), update,
        _little(features.term_ids).tobytes(), _little(features.weights).tobytes(),
        struct.pack(f"<{2 * len(features.figures)}I", *(x for f in features.figures for x in f)),
        struct.pack(f"<{len(features.shingles)}I", *features.shingles),
    ))


def decode(release_id: str, source: str, data: bytes) -> StoryFeatures:
    day, title, template, n_terms, n_figures, n_shingles = HEAD.unpack_from(data)
    at = HEAD.size
    size = data[at]
    update = data[at + 1 : at + 1 + size].decode("utf-8")
    at += 1 + size
    term_ids, weights = array("I"), array("f")
    term_ids.frombytes(data[at : at + 4 * n_terms])
    weights.frombytes(data[at + 4 * n_terms : at + 8 * n_terms])
    flat = _tail(n_figures, n_shingles).unpack_from(data, at + 8 * n_terms)
    pairs = flat[: 2 * n_figures]
    return StoryFeatures(
        release_id, day, source, title, template, update, _little(term_ids), _little(weights),
        tuple(zip(pairs[::2], pairs[1::2], strict=True)), flat[2 * n_figures :],
    )


def _little(values: array[Any]) -> array[Any]:
    """The array as the store keeps it (little-endian), or read from the store: a copy on a
    big-endian machine, the array itself elsewhere."""
    if sys.byteorder == "little":
        return values
    swapped = array(values.typecode, values)
    swapped.byteswap()
    return swapped


@functools.cache
def _tail(figures: int, shingles: int) -> struct.Struct:
    """The packed figures and shingles after the terms, as one struct."""
    return struct.Struct(f"<{2 * figures}I{shingles}I")


assert array("I").itemsize == array("f").itemsize == 4  # noqa: S101 - the packing relies on it
