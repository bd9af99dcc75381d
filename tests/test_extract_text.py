from pressdesk.extract.text import (
    LINE_END,
    last_sentence,
    sentence_bounds,
    sentence_index,
    sentence_start,
    sentence_starts,
    sentence_stop,
    starts_sentence,
)

TEXT = "Exports rose 5.2 percent. Imports fell.The gap narrowed\nin May\n\nIt was 3 p.m. in Seoul."


def test_sentence_starts_at_stops_before_capitals_and_blank_lines() -> None:
    starts = sentence_starts(TEXT)
    sentences = [TEXT[a:b].strip() for a, b in zip(starts, [*starts[1:], len(TEXT)], strict=True)]
    assert sentences == [
        "Exports rose 5.2 percent.",
        "Imports fell.",
        "The gap narrowed\nin May",
        "It was 3 p.m. in Seoul.",
    ]


def test_sentence_index_finds_the_sentence_of_a_position() -> None:
    starts = sentence_starts(TEXT)
    assert sentence_index(starts, TEXT.index("5.2")) == 0
    assert sentence_index(starts, TEXT.index("May")) == 2
    assert sentence_index(starts, TEXT.index("Seoul")) == 3


def test_sentence_bounds_reach_only_so_far() -> None:
    start, stop = sentence_bounds(TEXT, TEXT.index("fell"), TEXT.index("fell") + 4, 250)
    assert TEXT[start:stop].strip() == "Imports fell"
    assert sentence_start(TEXT, TEXT.index("Seoul"), 5) == TEXT.index("Seoul") - 5
    assert sentence_stop(TEXT, 0, 10) == 10


def test_a_line_break_ends_a_sentence_only_where_asked() -> None:
    pos = TEXT.index("in May")
    assert sentence_start(TEXT, pos, 400) == TEXT.index(".The") + 1
    assert sentence_start(TEXT, pos, 400, LINE_END) == pos


def test_starts_sentence() -> None:
    text = 'Trade rose. Chipmaker Acme said: Carmaker Beta and "Steelmaker Gamma" agreed with Maker Delta'
    for word in ("Trade", "Chipmaker", "Carmaker", "Steelmaker"):
        assert starts_sentence(text, text.index(word)), word
    assert not starts_sentence(text, text.index("Maker Delta"))
    assert not starts_sentence(text, text.index("Acme"))


def test_last_sentence() -> None:
    assert last_sentence("Korea. Trade Minister") == "Trade Minister"
    assert last_sentence("First line\nSecond line") == "Second line"
    assert last_sentence("Trade Minister") == "Trade Minister"


def test_a_text_wrapped_at_a_fixed_width_is_told_from_one_of_lines() -> None:
    from pressdesk.extract.text import is_hard_wrapped

    wire = ("The island's foreign exchange reserves climbed to a record\nof 41 billion U.S. dlrs,"
            " which officials put down to the\nwidening trade surplus and an inflow of"
            " short-term\nmoney, the central bank said on Tuesday in its\nweekly report.")
    assert is_hard_wrapped(wire)
    release = "Exports rose 12.2 percent in October.\n" + "The ministry said so, adding more. " * 4
    block = "Jean Tremblay\nPress Secretary\nGlobal Affairs Canada\n613-555-0100\nmedia@example.ca"
    assert not is_hard_wrapped(release * 3) and not is_hard_wrapped(block)


def test_an_item_of_a_bulleted_list_is_a_sentence_of_its_own() -> None:
    text = "Quick facts\n- Exports rose 4.8% over 2023.\n• the mission is in March\n- 2026 targets"
    starts = sentence_starts(text)
    assert [text[s : s + 7] for s in starts] == ["Quick f", "Exports", "the mis", "2026 ta"]
    assert sentence_starts("a trade-off - not more - said") == [0]  # a dash inside a line
    assert sentence_starts("deposits on call\n- fell 1.60 billion") == [0]  # a wrapped line's dash


def test_the_wires_us_dollars_end_no_sentence() -> None:
    text = "Exports rose to 4.18 billion U.S. Dlrs in the first quarter. The U.S. Trade Representative said."
    assert [text[s : s + 7].strip() for s in sentence_starts(text)] == ["Exports", "The U.", "Trade"]


def test_a_title_s_stop_before_a_name_ends_no_sentence() -> None:
    from pressdesk.extract.text import sentence_starts

    assert sentence_starts("He met Mr. Howard Lane. Then Dr. Kim left. It was U.S. policy. The end.") == [
        0, 23, 42, 62
    ]
