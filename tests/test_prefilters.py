"""Speed prefilters change no result: with any one of them disabled, extraction finds the same.

A prefilter repeats part of a grammar by hand to skip work: the characters a date or an
amount can start with, the words a cue needs, a glance at a window's last characters before
a pattern anchored there. A pattern added to the grammar and not to its prefilter silently
never matches. Each test here disables one prefilter (the pattern rebuilt without it, or its
check made to pass everything) and compares the extraction of every gold and fixture text
with the normal one; the fast forms of the shared pattern builders in ``text`` are replaced
by their plain forms in a fresh interpreter, where every pattern is rebuilt from them.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from pressdesk.extract import dates, extract, mentions, money, orgcues, orgnames, percents, roles
from pressdesk.models import Release
from pressdesk.readers import read_path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
INPUTS = [
    REPO / "data/samples/motir-2025-11.txt",
    REPO / "data/samples/ustr-2019.jsonl",
    *sorted((REPO / "tests/golden").glob("*.jsonl")),
    *sorted((REPO / "tests/fixtures/readers").iterdir()),
]
SHARED_INPUTS = [SHARED / "data/news/korea-news-dev.jsonl", SHARED / "data/ustr-2019.jsonl"]


def input_paths() -> list[Path]:
    """Every gold and fixture text; the shared sets only where ``../shared`` is beside the checkout."""
    return INPUTS + [p for p in SHARED_INPUTS if p.exists()]


def read_releases(paths: Sequence[Path]) -> list[Release]:
    return [item for path in paths for item in read_path(str(path)) if isinstance(item, Release)]


def extract_all(releases: Sequence[Release]) -> list[str]:
    """Everything extraction finds, offsets included, one string per release."""
    return [repr(extract(r)) for r in releases]


@pytest.fixture(scope="module")
def releases() -> list[Release]:
    found = read_releases(input_paths())
    assert len(found) > 50
    return found


@pytest.fixture(scope="module")
def expected(releases: list[Release]) -> list[str]:
    return extract_all(releases)


# ---------------------------------------------------------------- ways to disable a prefilter

ANYTHING = re.compile("")  # a quick search that always finds


def always(*_: object) -> bool:
    return True


def said_before_by_pattern(text: str, start: int) -> bool:
    """The pattern ``roles.said_before`` answers by hand."""
    return re.search(r"(?:said|says|stated|added|noted)\s+$", text[:start]) is not None


def alternation_of(patterns: Sequence[re.Pattern[str]], text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """What ``text.find_first_of`` stands for: the patterns' alternation, searched as one, each
    match given by the first pattern that matches there to the same end."""
    joined = re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    for m in joined.finditer(text):
        for index, pattern in enumerate(patterns):
            one = pattern.match(text, m.start())
            if one is not None and one.end() == m.end():
                yield index, one
                break


Disable = Callable[[pytest.MonkeyPatch], None]

PREFILTERS: dict[str, Disable] = {
    "dates: first characters of a reference (_FIRST)": lambda mp: mp.setattr(
        dates, "_DATES", dates._dates_pattern(first_check=False)
    ),
    "money: first characters of an amount": lambda mp: mp.setattr(
        money, "_MONEY", money._money_pattern(first_checks=False)
    ),
    "money: alternatives grouped by first character": lambda mp: mp.setattr(
        money, "_MONEY", money._money_pattern(grouped=False)
    ),
    "money: a country counted only when a loose search finds it": lambda mp: mp.setattr(
        money, "_LOOSE", dict.fromkeys(money._LOOSE, ANYTHING)
    ),
    "percents: first character of a number": lambda mp: mp.setattr(
        percents, "_PERCENT", percents._percent_pattern(first_check=False)
    ),
    "percents: direction words' first letters and 'up'/'down' before their look-backs": lambda mp: mp.setattr(
        percents, "_LEFT_WORD", percents._left_word_pattern(first_checks=False)
    ),
    "percents: numbers in words found from the unit back": lambda mp: mp.setattr(
        percents, "_word_percents", functools.partial(percents._word_percents, unit_first=False)
    ),
    "orgcues: cues searched only when a trigger word is present (_TRIGGERS)": lambda mp: mp.setattr(
        orgcues, "_TRIGGERS", {}
    ),
    "orgcues: appositions searched only when their comma is present": lambda mp: mp.setattr(
        orgcues, "_APPOSITION_CUE", ANYTHING
    ),
    "orgcues: a speaker's run looked for only after a capital": lambda mp: mp.setattr(
        orgcues, "_capital_in_last_word", always
    ),
    "orgcues: corporate cues searched one by one": lambda mp: mp.setattr(
        orgcues, "find_first_of", alternation_of
    ),
    "orgnames: acronym definitions searched only when a parenthesis is present": lambda mp: mp.setattr(
        orgnames, "_ACRONYM_PAREN", ANYTHING
    ),
    "orgnames: 'the trade ministry' searched only when ' ministry' is present": lambda mp: mp.setattr(
        orgnames, "_MINISTRY_WORD", ""
    ),
    "orgnames: a country's agency looked for only after a lower-case word": lambda mp: mp.setattr(
        orgnames, "_after_lower_word", always
    ),
    "roles: a title's portfolio looked back for only after 'of', 'for', ...": lambda mp: mp.setattr(
        roles, "_window_ends", always
    ),
    "roles: a role word looked back for only when the window ends in one": lambda mp: mp.setattr(
        roles, "_ends_in_role_word", always
    ),
    "roles: 'chaired by' looked back for only after 'by'": lambda mp: mp.setattr(
        roles, "_ends_in_by", always
    ),
    "roles: a title between commas looked back for only after a comma": lambda mp: mp.setattr(
        roles, "_ends_in_comma", always
    ),
    "roles: a speech verb before a name told from the window's end": lambda mp: mp.setattr(
        mentions, "said_before", said_before_by_pattern
    ),
}


@pytest.mark.parametrize("name", sorted(PREFILTERS))
def test_extraction_is_the_same_without_the_prefilter(
    name: str, monkeypatch: pytest.MonkeyPatch, releases: list[Release], expected: list[str]
) -> None:
    PREFILTERS[name](monkeypatch)
    assert extract_all(releases) == expected, f"disabling the prefilter changes extraction: {name}"


def test_extraction_is_the_same_without_any_prefilter(
    monkeypatch: pytest.MonkeyPatch, releases: list[Release], expected: list[str]
) -> None:
    for disable in PREFILTERS.values():
        disable(monkeypatch)
    # The two money entries each rebuild the pattern with the other check on: here, both off.
    monkeypatch.setattr(money, "_MONEY", money._money_pattern(first_checks=False, grouped=False))
    assert extract_all(releases) == expected


# ---------------------------------------------------------------- the pattern builders in text

# Run in a fresh interpreter: text's fast builders are replaced by the plain patterns their
# docstrings say they match as, then every extract module is reloaded (in the order they import
# one another), so each pattern built from them at import is rebuilt plain.
_PLAIN_BUILDERS = r'''
import importlib, json, re, sys
from pathlib import Path

import pressdesk.extract.text as text


def lead_cap(not_after=""):
    return rf"(?<![\w{not_after}])(?:{text.CAP})"


def lead_run(not_after=""):
    return rf"{lead_cap(not_after)}(?:[ \u00a0](?:{text.CAP}))*"


def lead_alternation(forms, not_after):
    return rf"(?<!{not_after})(?:{'|'.join(re.escape(f) for f in forms)})"


def caseless_words(forms, not_after=""):
    guard = f"(?<!{not_after})" if not_after else ""
    return f"{guard}(?i:{'|'.join(re.escape(f) for f in forms)})"


text.lead_cap, text.lead_run = lead_cap, lead_run
text.lead_alternation, text.caseless_words = lead_alternation, caseless_words
text._RUN = re.compile(lead_run())
for name in (
    "places", "foundnames", "orgcues", "orgnames", "orgs", "roles", "mentions", "people",
    "quotes", "money", "percents", "dates", "figures",
):
    importlib.reload(sys.modules[f"pressdesk.extract.{name}"])
importlib.reload(sys.modules["pressdesk.extract"])

from pressdesk.extract import extract
from pressdesk.models import Release
from pressdesk.readers import read_path

paths = json.loads(sys.argv[1])
found = [repr(extract(r)) for p in paths for r in read_path(p) if isinstance(r, Release)]
print(json.dumps(found))
'''


def test_extraction_is_the_same_with_plain_patterns_from_text(expected: list[str]) -> None:
    paths = json.dumps([str(p) for p in input_paths()])
    done = subprocess.run(
        [sys.executable, "-c", _PLAIN_BUILDERS, paths],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        cwd=REPO,
    )
    assert json.loads(done.stdout) == expected
