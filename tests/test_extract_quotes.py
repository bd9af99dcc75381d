from hypothesis import given, settings
from hypothesis import strategies as st

from pressdesk.extract.orgs import extract_orgs
from pressdesk.extract.people import extract_people
from pressdesk.extract.places import extract_places
from pressdesk.extract.quotes import extract_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    people = extract_people(text, extract_orgs(text))
    return [(q.text[:12], q.speaker) for q in extract_quotes(text, people)]


def test_speaker_before_the_quote_in_the_same_sentence() -> None:
    text = "Trade Minister Ana Silva stated, “Our exporters deserve stable rules for the future.”"
    assert speakers(text) == [("Our exporter", "Ana Silva")]


def test_speaker_after_the_quote_with_a_speech_verb() -> None:
    text = '"We will open two more plants next year," said David Brown, a spokesman for the firm.'
    assert speakers(text) == [("We will open", "David Brown")]


def test_pronoun_resolves_to_the_last_speaker() -> None:
    text = (
        "Director General Kim Ho-jin said, “Exports will keep growing this year.” "
        "He added, “We will support small firms in every region.”"
    )
    assert [s for _, s in speakers(text)] == ["Kim Ho-jin", "Kim Ho-jin"]


def test_quoted_names_and_scare_quotes_are_not_quotes() -> None:
    text = "The “Green Growth Investment Programme” drew a “unilateral claim” from rivals."
    assert speakers(text) == []


def test_unclosed_quote_runs_to_the_end_of_the_paragraph() -> None:
    text = "Minister Park Ji-won said, “We ask for the close cooperation of every ministry here."
    assert speakers(text) == [("We ask for t", "Park Ji-won")]


def test_organisation_speaker_gives_no_person() -> None:
    text = "Acme Research Institute stated, “Demand for chips will rise sharply in the spring.”"
    assert speakers(text) == [("Demand for c", None)]


TOKENS = [
    "Minister",
    "Kim",
    "Jung-kwan",
    "Dato'",
    "bin",
    "Mr.",
    "A.",
    "(KIAT)",
    "of",
    "the",
    "and",
    ",",
    ".",
    "Ministry",
    "Korea",
    "U.S.",
    "Inc.",
    "said",
    "“",
    "”",
    '"',
    "\n",
    "\n\n",
    "Co.",
    "SK",
    "hynix",
    "President",
    "Trump",
    "’s",
    "shares",
    "(",
    ")",
    "Park",
    "Dong-il",
    "Bank",
    "for",
    "—",
    "ASEAN",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40))
def test_extractors_never_fail_and_spans_stay_in_the_text(tokens: list[str]) -> None:
    text = " ".join(tokens)
    orgs = extract_orgs(text)
    people = extract_people(text, orgs)
    quotes = extract_quotes(text, people)
    spans = [s for o in orgs for s in o.spans] + [s for p in people for s in p.spans]
    spans += [q.span for q in quotes] + [s for p in extract_places(text) for s in p.spans]
    assert all(0 <= s.start < s.end <= len(text) for s in spans)


def test_a_titled_speaker_is_the_last_person_with_that_title() -> None:
    text = (
        "Finance Minister Eva Lind met Governor Tom Berg. "
        "“Inflation is falling faster than we expected this year,” the minister said."
    )
    assert speakers(text) == [("Inflation is", "Eva Lind")]


def test_an_unclosed_quote_stops_at_the_end_of_its_paragraph() -> None:
    text = (
        "Minister Jo Won-ki said, “We will act swiftly on this issue\n\nThe next paragraph is not part of it."
    )
    ((quote, _),) = speakers(text)
    assert quote == "We will act "


def test_a_quote_wrapped_over_lines_of_a_wire_story() -> None:
    lines = [  # a wire's lines, wrapped under 60 characters
        "Acme Telephone Co will not cut its quarterly dividend of",
        "30 cts a share, said Martin Holloway, its chairman.",
        '    "It has been our intent to set the dividend at a level',
        'that can be kept through the ups and downs of the cycle,"',
        "Holloway told a meeting of securities analysts in Boston.",
    ]
    assert speakers("\n".join(lines)) == [("It has been ", "Martin Holloway")]


def test_a_short_quote_before_a_speech_verb_is_speech() -> None:
    text = '"We are delighted," said Jane Doe, chief executive of Arden Foods.'
    assert speakers(text) == [("We are delig", "Jane Doe")]
    assert speakers('The so-called "green deal" and "a big step." came later.') == []
