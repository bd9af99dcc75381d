"""The query language: parsed into a small syntax tree, compiled to a tantivy query.

    semiconductor exports          words: any may match, releases with more rank higher
    "trade deficit"                a phrase
    chip AND export, chip OR wafer, NOT japan, -japan, (a OR b) AND c
    semicon*                       a prefix (of the indexed, stemmed word)
    title:tariff  body:"crude oil"
    category:trade  source:USTR
    person:"Yeo Han-koo"  org:KIAT  place:KR  sector:semiconductors
    event:tariff  figure:"ICT exports"  (any name of the series: figure:"chip exports")
    story:s3a9027746cf  (a story's id, or the id of a story merged into it)
    date:2025-11-18  date:2025-11  date:2025  date:2025-11-01..2025-11-30
    date:2025-11..  date:..2025-11-15

Operators are upper case; NOT binds tightest, then AND, then OR; terms side by
side form a sequence in which text terms are alternatives ranked by BM25, while
filters (``category``, ``source``, the fact fields and ``date``) and NOT
clauses narrow the result. ``field:(a OR b)`` applies a field to a group.
Every problem raises ``QueryError`` with a one-line message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import tantivy

from pressdesk.errors import QueryError
from pressdesk.search.index import FACT_FIELDS, SearchIndex, analyze
from pressdesk.series import series_key

__all__ = [
    "And",
    "DateRange",
    "Node",
    "Not",
    "Or",
    "Seq",
    "Text",
    "compile_query",
    "filter_part",
    "free_text",
    "has_text",
    "parse_query",
]

TEXT_FIELDS = ("title", "body")
FIELDS = (*TEXT_FIELDS, *FACT_FIELDS, "date")
FIELD_ALIASES = {"organisation": "org", "organization": "org", "country": "place"}
OPERATORS = ("AND", "OR", "NOT")
TITLE_BOOST = 2.0
PREFIX_TERMS = 64
MAX_DEPTH = 32  # parentheses, NOTs and field prefixes inside one another
MAX_CHARS = 10_000


# ---- syntax tree ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """A word, "phrase" or prefix*, in one field or (field None) in title and body."""

    text: str
    field: str | None = None
    kind: str = "word"  # "word" | "phrase" | "prefix"


@dataclass(frozen=True, slots=True)
class DateRange:
    """Days from ``low`` to ``high`` inclusive, as YYYYMMDD numbers; None is open."""

    low: int | None
    high: int | None


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Seq:
    """Terms side by side: text alternatives, filters and NOTs narrowing."""

    items: tuple[Node, ...]


Node = Text | DateRange | Not | And | Or | Seq


# ---- lexer ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "(" ")" "-" "op" "field" "phrase" "word"
    text: str


WORD_END = re.compile(r'[\s()"]')
FIELD_NAME = re.compile(r"([A-Za-z_]+):")


def tokenize(text: str) -> Iterator[Token]:
    at = 0
    while at < len(text):
        char = text[at]
        if char.isspace():
            at += 1
        elif char in "()":
            yield Token(char, char)
            at += 1
        elif char == '"':
            at = yield from read_phrase(text, at)
        elif char == "-" and at + 1 < len(text) and not WORD_END.match(text[at + 1]):
            yield Token("-", "-")
            at += 1
        else:
            at = yield from read_word(text, at)


def read_phrase(text: str, at: int) -> Generator[Token, None, int]:
    end = text.find('"', at + 1)
    if end < 0:
        raise QueryError(f"unterminated quote: {text[at:at + 30]}")
    yield Token("phrase", text[at + 1 : end])
    return end + 1


def read_word(text: str, at: int) -> Generator[Token, None, int]:
    found = WORD_END.search(text, at)
    end = found.start() if found else len(text)
    word = text[at:end]
    field = FIELD_NAME.match(word)
    if field:
        yield Token("field", field_name(field.group(1), word))
        return at + field.end()
    yield Token("op" if word in OPERATORS else "word", word)
    return end


def field_name(name: str, written: str) -> str:
    key = FIELD_ALIASES.get(name.lower(), name.lower())
    if key not in FIELDS:
        known = ", ".join(FIELDS)
        raise QueryError(f"unknown field '{name}' in '{written}' (fields: {known})")
    return key


# ---- parser --------------------------------------------------------------------------------


class Parser:
    """Recursive descent over the tokens; see the module docstring for the grammar."""

    def __init__(self, text: str) -> None:
        if len(text) > MAX_CHARS:
            raise QueryError(f"query too long: {len(text):,} characters (at most {MAX_CHARS:,})")
        self.tokens = list(tokenize(text))
        self.at = 0
        self.depth = 0

    @contextmanager
    def nested(self) -> Iterator[None]:
        """One level deeper: a group, a NOT or a field prefix (bounded, so no input recurses
        without end)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(f"query nests too deeply: more than {MAX_DEPTH} levels of "
                             "parentheses, NOT or field prefixes")
        yield
        self.depth -= 1

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def at_op(self, op: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == "op" and token.text == op

    def parse(self) -> Node:
        if not self.tokens:
            raise QueryError("empty query")
        node = self.sequence(None)
        if self.peek() is not None:
            raise QueryError("unbalanced ')': no '(' opens it")
        return node

    def sequence(self, field: str | None) -> Node:
        items: list[Node] = []
        while (token := self.peek()) is not None and token.kind != ")":
            items.append(self.disjunction(field))
        if not items:
            raise QueryError("empty group '()'")
        return items[0] if len(items) == 1 else Seq(tuple(items))

    def disjunction(self, field: str | None) -> Node:
        items = [self.conjunction(field)]
        while self.at_op("OR"):
            self.take()
            items.append(self.conjunction(field))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def conjunction(self, field: str | None) -> Node:
        items = [self.unary(field)]
        while self.at_op("AND"):
            self.take()
            items.append(self.unary(field))
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self, field: str | None) -> Node:
        token = self.peek()
        if token is not None and (token.kind == "-" or self.at_op("NOT")):
            self.take()
            with self.nested():
                return Not(self.unary(field))
        return self.primary(field)

    def primary(self, field: str | None) -> Node:
        token = self.peek()
        if token is None:
            raise QueryError("query ends where a term was expected")
        self.take()
        return PRIMARY[token.kind](self, token, field)

    def group(self, token: Token, field: str | None) -> Node:
        with self.nested():
            node = self.sequence(field)
        if self.peek() is None:
            raise QueryError("unbalanced '(': no ')' closes it")
        self.take()
        return node

    def fielded(self, token: Token, field: str | None) -> Node:
        value = self.peek()
        if value is None or value.kind in (")", "op"):
            raise QueryError(f"'{token.text}:' needs a value after it")
        if token.text == "date":
            return self.take_date()
        with self.nested():
            return self.primary(token.text)

    def take_date(self) -> Node:
        value = self.take()
        if value.kind not in ("word", "phrase"):
            raise QueryError("'date:' takes a day, month, year or range: 2025-11-01..2025-11-30")
        return parse_dates(value.text)

    def word(self, token: Token, field: str | None) -> Node:
        if token.text.endswith("*"):
            stem = token.text.rstrip("*")
            if not stem:
                raise QueryError("'*' needs a prefix before it, as in semicon*")
            return Text(stem, field, "prefix")
        return Text(token.text, field, "word")

    def phrase(self, token: Token, field: str | None) -> Node:
        return Text(token.text, field, "phrase")

    def stray(self, token: Token, field: str | None) -> Node:
        if token.kind == ")":
            raise QueryError("unbalanced ')': no '(' opens it")
        raise QueryError(f"'{token.text}' needs a term before and after it")


PRIMARY: dict[str, Callable[[Parser, Token, str | None], Node]] = {
    "(": Parser.group,
    "field": Parser.fielded,
    "word": Parser.word,
    "phrase": Parser.phrase,
    ")": Parser.stray,
    "op": Parser.stray,
    "-": Parser.stray,
}


def parse_query(text: str) -> Node:
    """The syntax tree of a query; QueryError names what is wrong with it."""
    return Parser(text).parse()


DATE = r"(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)"
DATE_RANGE = re.compile(rf"^{DATE}?(\.\.)?{DATE}?$")


def parse_dates(text: str) -> DateRange:
    """2025, 2025-11, 2025-11-18 and ranges A..B, A.., ..B (inclusive of whole periods)."""
    found = DATE_RANGE.match(text.strip())
    low, dots, high = found.groups() if found else (None, None, None)
    if not (low or high) or (high and not dots):
        raise QueryError(f"bad date '{text}': use YYYY, YYYY-MM, YYYY-MM-DD or A..B")
    if not dots and low:
        return DateRange(first_day(low), last_day(low))
    return DateRange(first_day(low) if low else None, last_day(high) if high else None)


def date_parts(text: str) -> list[int]:
    parts = [int(p) for p in text.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as err:
        raise QueryError(f"bad date '{text}': {err}") from err
    return parts


def first_day(text: str) -> int:
    parts = date_parts(text)
    month = parts[1] if len(parts) > 1 else 1
    return parts[0] * 10000 + month * 100 + (parts[2] if len(parts) > 2 else 1)


def last_day(text: str) -> int:
    """The last day of the period (99 stands for 'any day of the month')."""
    parts = date_parts(text)
    month = parts[1] if len(parts) > 1 else 12
    return parts[0] * 10000 + month * 100 + (parts[2] if len(parts) > 2 else 99)


def has_text(node: Node) -> bool:
    """Whether a query ranks by text at all (else it only filters)."""
    if isinstance(node, Text):
        return node.field is None or node.field in TEXT_FIELDS
    if isinstance(node, And | Or | Seq):
        return any(has_text(item) for item in node.items)
    return False


def free_text(node: Node) -> str:
    """The words of a query's text terms, for embedding (fields, operators and NOTs dropped)."""
    if isinstance(node, Text):
        return node.text if node.field is None or node.field in TEXT_FIELDS else ""
    if isinstance(node, And | Or | Seq):
        return " ".join(t for t in (free_text(i) for i in node.items) if t)
    return ""


def filter_part(node: Node) -> Node | None:
    """What narrows a query (filters and NOTs) without its ranking words, if anything."""
    if is_filter(node) or isinstance(node, Not):
        return node
    if isinstance(node, Seq):
        kept = tuple(i for i in node.items if is_filter(i) or isinstance(i, Not))
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Seq(kept)
    return None


def is_filter(node: Node) -> bool:
    """Fact, category, source and date terms narrow rather than rank."""
    if isinstance(node, DateRange):
        return True
    if isinstance(node, Text):
        return node.field in FACT_FIELDS
    if isinstance(node, And | Or):
        return all(is_filter(item) for item in node.items)
    return False


# ---- compiler ------------------------------------------------------------------------------

Occur = tantivy.Occur


def compile_query(node: Node, index: SearchIndex) -> tantivy.Query:
    """The tantivy query of a syntax tree, against ``index``'s schema and analysers."""
    return COMPILERS[type(node)](node, index)


def compile_text(node: Node, index: SearchIndex) -> tantivy.Query:
    assert isinstance(node, Text)
    if node.field is not None:
        return field_query(node, node.field, index)
    return tantivy.Query.boolean_query(text_clauses(node, index))


def text_clauses(node: Text, index: SearchIndex) -> list[tuple[Occur, tantivy.Query]]:
    """A word of no field, as title (boosted) and body clauses that flatten into a disjunction."""
    title = tantivy.Query.boost_query(field_query(node, "title", index), TITLE_BOOST)
    return [(Occur.Should, title), (Occur.Should, field_query(node, "body", index))]


STOPWORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is")
    + ("it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were")
    + ("will", "with", "about", "into", "over", "after")
)


def drop_stopwords(items: list[Node]) -> list[Node]:
    """Side-by-side words minus the stop words, unless nothing else is left.

    A stop word ranks nothing (it is in nearly every release) but scoring it
    visits nearly every release; inside a "phrase" it still counts.
    """
    kept = [i for i in items if not is_stopword(i)]
    return kept or items


def is_stopword(node: Node) -> bool:
    return isinstance(node, Text) and node.kind == "word" and node.text.lower() in STOPWORDS


def should_clauses(node: Node, index: SearchIndex) -> list[tuple[Occur, tantivy.Query]]:
    if isinstance(node, Text) and node.field is None:
        return text_clauses(node, index)
    return [(Occur.Should, compile_query(node, index))]


def field_query(node: Text, field: str, index: SearchIndex) -> tantivy.Query:
    text = series_key(node.text) if field == "figure" else node.text  # any name of the series
    terms = analyze(index.analyzers, field, text)
    if node.kind == "prefix":
        return prefix_query(node, field, index)
    if not terms:
        return tantivy.Query.empty_query()
    if len(terms) == 1:
        return tantivy.Query.term_query(index.schema, field, terms[0])
    return tantivy.Query.phrase_query(index.schema, field, list(terms))


def prefix_query(node: Text, field: str, index: SearchIndex) -> tantivy.Query:
    """The indexed terms of ``field`` that start with the (lower-cased) prefix.

    Expanded to at most PREFIX_TERMS terms, the most frequent first, so that
    matches are ranked by BM25 and highlighted in snippets like any word.
    """
    words = [w.lower() for w in re.findall(r"\w+", node.text)]
    if not words:
        raise QueryError(f"prefix '{node.text}*' has no letters or digits")
    if len(words) > 1:
        return tantivy.Query.phrase_prefix_query(index.schema, field, words)
    expansions = index.searcher().terms_with_prefix(field, words[0], limit=PREFIX_TERMS)
    if not expansions:
        return tantivy.Query.empty_query()
    terms = [tantivy.Query.term_query(index.schema, field, term) for term, _ in expansions]
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in terms])


def compile_dates(node: Node, index: SearchIndex) -> tantivy.Query:
    assert isinstance(node, DateRange)
    return tantivy.Query.range_query(
        index.schema,
        "day",
        tantivy.FieldType.Integer,
        node.low if node.low is not None else 0,
        node.high if node.high is not None else 99999999,
    )


def compile_not(node: Node, index: SearchIndex) -> tantivy.Query:
    assert isinstance(node, Not)
    return tantivy.Query.boolean_query(
        [(Occur.Must, tantivy.Query.all_query()), (Occur.MustNot, compile_query(node.item, index))]
    )


def compile_and(node: Node, index: SearchIndex) -> tantivy.Query:
    assert isinstance(node, And)
    return tantivy.Query.boolean_query([clause(item, Occur.Must, index) for item in node.items])


def compile_or(node: Node, index: SearchIndex) -> tantivy.Query:
    assert isinstance(node, Or)
    return tantivy.Query.boolean_query([clause(item, Occur.Should, index) for item in node.items])


def clause(node: Node, occur: Occur, index: SearchIndex) -> tuple[Occur, tantivy.Query]:
    """A boolean clause; a NOT inside AND becomes MustNot rather than all-minus-X."""
    if isinstance(node, Not) and occur == Occur.Must:
        return (Occur.MustNot, compile_query(node.item, index))
    return (occur, compile_query(node, index))


def compile_seq(node: Node, index: SearchIndex) -> tantivy.Query:
    """Text alternatives (at least one must match) within the filters and NOTs.

    The alternatives form one flat disjunction of term clauses, which tantivy
    scores several times faster than nested boolean queries.
    """
    assert isinstance(node, Seq)
    items = node.items
    ranking = drop_stopwords([i for i in items if not is_filter(i) and not isinstance(i, Not)])
    texts = [clause for i in ranking for clause in should_clauses(i, index)]
    clauses = [(Occur.Must, compile_query(i, index)) for i in items if is_filter(i)]
    clauses += [(Occur.MustNot, compile_query(i.item, index)) for i in items if isinstance(i, Not)]
    if not clauses and texts:
        return tantivy.Query.boolean_query(texts)
    if texts:
        clauses.append((Occur.Must, tantivy.Query.boolean_query(texts)))
    if all(occur == Occur.MustNot for occur, _ in clauses):
        clauses.append((Occur.Must, tantivy.Query.all_query()))
    return tantivy.Query.boolean_query(clauses)


COMPILERS: dict[type, Callable[[Node, SearchIndex], tantivy.Query]] = {
    Text: compile_text,
    DateRange: compile_dates,
    Not: compile_not,
    And: compile_and,
    Or: compile_or,
    Seq: compile_seq,
}
