"""The query language: parse trees, and one-line errors for malformed queries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressdesk.errors import QueryError
from pressdesk.search.query import And, DateRange, Not, Or, Seq, Text, has_text, parse_query


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("steel", Text("steel")),
        ("steel exports", Seq((Text("steel"), Text("exports")))),
        ('"trade deficit"', Text("trade deficit", None, "phrase")),
        ("semicon*", Text("semicon", None, "prefix")),
        ("a AND b", And((Text("a"), Text("b")))),
        ("a OR b AND c", Or((Text("a"), And((Text("b"), Text("c")))))),
        ("NOT a", Not(Text("a"))),
        ("-a b", Seq((Not(Text("a")), Text("b")))),
        ("(a OR b) c", Seq((Or((Text("a"), Text("b"))), Text("c")))),
        ("title:tariff", Text("tariff", "title")),
        ('person:"Yeo Han-koo"', Text("Yeo Han-koo", "person", "phrase")),
        ("org:KIAT", Text("KIAT", "org")),
        ("Org:KIAT", Text("KIAT", "org")),
        ("organisation:KIAT", Text("KIAT", "org")),
        ("place:KR", Text("KR", "place")),
        ("sector:semiconductors", Text("semiconductors", "sector")),
        ("org:(KIAT OR KOTRA)", Or((Text("KIAT", "org"), Text("KOTRA", "org")))),
        ("date:2025-11-01..2025-11-30", DateRange(20251101, 20251130)),
        ("date:2025-11..", DateRange(20251101, None)),
        ("date:..2025-11-15", DateRange(None, 20251115)),
        ("date:2025-11", DateRange(20251101, 20251199)),
        ("date:2025", DateRange(20250101, 20251299)),
        ("date:2025-11-18", DateRange(20251118, 20251118)),
        ("well-known", Text("well-known")),
        ("10:30", Text("10:30")),
        ("and or not", Seq((Text("and"), Text("or"), Text("not")))),
    ],
)
def test_parse(text: str, tree: object) -> None:
    assert parse_query(text) == tree


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty query"),
        ("   ", "empty query"),
        ('"trade deficit', "unterminated quote"),
        ("(a OR b", "unbalanced '('"),
        ("a OR b)", "unbalanced ')'"),
        ("a AND", "query ends where a term was expected"),
        ("AND a", "'AND' needs a term before and after it"),
        ("a OR OR b", "'OR' needs a term before and after it"),
        ("foo:bar", "unknown field 'foo'"),
        ("title:", "'title:' needs a value"),
        ("date:2025-13", "bad date '2025-13'"),
        ("date:2025-02-30", "bad date '2025-02-30'"),
        ("date:yesterday", "bad date 'yesterday'"),
        ("date:..", "bad date '..'"),
        ("date:(2025)", "'date:' takes a day"),
        ("*", "'*' needs a prefix"),
        ("()", "empty group"),
        ("(" * 200 + "x" + ")" * 200, "nests too deeply"),
        ("NOT " * 2000 + "x", "nests too deeply"),
        ("-" * 100 + "x", "nests too deeply"),
        ("title:" * 500 + "x", "nests too deeply"),
        ("x " * 6000, "query too long"),
    ],
)
def test_malformed_queries_raise_one_line_errors(text: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_has_text_tells_ranking_queries_from_filters() -> None:
    assert has_text(parse_query("steel place:KR"))
    assert has_text(parse_query("title:steel"))
    assert not has_text(parse_query("place:KR date:2025"))


QUERY_ALPHABET = st.sampled_from(
    ["(", ")", '"', "-", "*", ":", " ", "AND ", "OR ", "NOT ", "title:", "date:", "place:",
     "2025", "-11", "..", "steel", "ex", "é", "\u00a0", "\x00", "foo:"]
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(QUERY_ALPHABET, max_size=40).map("".join) | st.text(max_size=60))
def test_any_string_parses_or_fails_in_one_line(text: str) -> None:
    """Any string gives a syntax tree or a one-line QueryError: never another exception."""
    try:
        parse_query(text)
    except QueryError as err:
        assert "\n" not in str(err)
