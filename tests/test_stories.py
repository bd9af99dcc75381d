"""Stories: releases that report one event grouped at ingest, incrementally and stably."""

from __future__ import annotations

import json
import logging
import random
import re
import sqlite3
from array import array
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE

from pressdesk import Desk, Release
from pressdesk import desk as desk_module
from pressdesk.cli import cli
from pressdesk.extract import extract, predict_paths
from pressdesk.ingest import IngestOptions
from pressdesk.models import StoryReason
from pressdesk.store import StoryFilter
from pressdesk.store.migrations import MIGRATIONS, cluster_story_members, count_terms_by_source
from pressdesk.stories import GroupingOptions, MemoryBook, group_in_memory, group_stored
from pressdesk.stories.features import (
    StoryFeatures,
    base_title,
    decode,
    encode,
    most_typical,
    read_text,
    release_features,
    term_arrays,
    term_hash,
    with_entities,
)
from pressdesk.stories.grouping import (
    Candidate,
    candidates,
    group_release,
    other_issue,
    sketch_resemblance,
    story_id,
    without_issues,
)

CHIPS = ("Hanbit Semiconductor will build a KRW 4 trillion wafer plant in Cheongju, chief executive "
         "Park Min-jae said on Tuesday. The Cheongju plant will make memory chips from 2027 and "
         "employ 3,000 workers, Hanbit Semiconductor said.")
CHIPS_AGAIN = ("Chipmaker Hanbit Semiconductor announced a new wafer fab in Cheongju worth KRW 4 "
               "trillion. Park Min-jae, Hanbit's chief executive, told reporters the Cheongju fab "
               "will produce memory chips from 2027.")
SHIPS = ("Oseong Shipbuilding won a USD 1.2 billion order for six LNG carriers from Norwegian "
         "owner Fjordgas, the shipbuilder said on Monday. Oseong will deliver the carriers by 2029.")


def release(title: str, body: str, source: str = "Wire", date: str = "2025-11-18") -> Release:
    return Release.create(title=title, date=date, body=body, source=source)


def stories_of(releases: list[Release], facts: bool = False) -> list[str]:
    found = group_in_memory((r, extract(r) if facts else None) for r in releases)
    return [found[r.id] for r in releases]


def test_one_event_from_two_outlets_is_one_story() -> None:
    a = release("Hanbit Semiconductor to build Cheongju wafer plant", CHIPS, "Herald")
    b = release("Hanbit unveils KRW 4 trillion chip fab", CHIPS_AGAIN, "Daily", "2025-11-19")
    c = release("Oseong Shipbuilding wins LNG carrier order", SHIPS, "Herald")
    first, second, third = stories_of([a, b, c], facts=True)
    assert first == second != third


def test_a_lead_update_and_a_correction_join_their_story() -> None:
    first = release("Seoul shares rise on chip rally", "KOSPI rose 1.2 percent. " + SHIPS)
    lead = release("(LEAD) Seoul shares rise on chip rally",
                   "Seoul shares closed higher on Monday as chipmakers rallied, while bond yields "
                   "fell. Foreigners bought shares worth KRW 300 billion.")
    fixed = release("CORRECTED-Seoul shares rise on chip rally", "Corrects the index level. " + CHIPS,
                    date="2025-11-19")
    assert len(set(stories_of([first, lead, fixed]))) == 1
    book = MemoryBook()
    for r in (first, lead, fixed):
        group_release(book, r, None)
    assert book.reasons[lead.id].kind == "update" and book.reasons[lead.id].like == first.id
    assert book.reasons[fixed.id].kind == "update"


def test_a_near_duplicate_joins_whatever_its_title() -> None:
    a = release("Oseong wins order", SHIPS)
    b = release("Shipbuilder lands six-carrier deal", SHIPS + " Shares rose 3 percent.")
    book = MemoryBook()
    group_release(book, a, None)
    decision = group_release(book, b, None)
    assert decision.reason.kind == "duplicate" and decision.story == book.member_of[a.id]


def test_two_events_of_one_kind_are_two_stories() -> None:
    one = release("Hanbit Semiconductor to build Cheongju wafer plant", CHIPS)
    other = release(
        "Daeyang Electronics to build Gumi display plant",
        "Daeyang Electronics will build a KRW 2 trillion display plant in Gumi, chief executive "
        "Lee Soo-ah said on Tuesday. The Gumi plant will make OLED panels from 2028.",
    )
    assert len(set(stories_of([one, other], facts=True))) == 2


def flood(place: str, river: str, evacuated: int, more: str = "") -> Release:
    return release(
        f"{place} flood forces evacuations",
        f"Heavy rain caused the {river} river to burst its banks on Monday and flood water swept "
        f"through low streets. Rescue teams evacuated {evacuated} residents from flooded homes, "
        f"officials said. The flood damaged roads and bridges, and more rain is forecast. "
        f"Emergency shelters opened in schools. {more}", date="2025-07-14")


def test_in_memory_the_first_release_is_weighed_by_the_whole_input() -> None:
    """Kelmora's flood comes first, then four floods elsewhere, then the mayor's statement
    on Kelmora's. Weighed by a book that counted only what came before it, the first
    release's words all weigh alike and it reads like every flood after it; weighed by the
    whole input, "flood" and "rain" are common and Kelmora, its mayor and its river tell."""
    first = flood("Kelmora", "Tasse", 400,
                  "Mayor Anneli Voss said the Tasse embankment at Kelmora failed near the old mill.")
    elsewhere = [flood(place, river, n) for place, river, n in (
        ("Varnholt", "Brenn", 120), ("Osterlund", "Ulla", 250), ("Quellbach", "Mirow", 80),
        ("Dravica", "Sela", 600))]
    mayor = release("Kelmora mayor blames embankment",
                    "Anneli Voss, mayor of Kelmora, said on Tuesday the Tasse embankment near the "
                    "old mill gave way after years of neglect. Voss asked for an inquiry.",
                    date="2025-07-15")
    releases = [first, *elsewhere, mayor]
    found = stories_of(releases)
    assert found[0] == found[-1]
    assert found[0] not in found[1:-1]
    book = MemoryBook()  # counting as it goes, as the store does
    for r in releases:
        group_release(book, r, None)
    assert book.member_of[first.id] == book.member_of[elsewhere[0].id]


def test_a_story_taken_up_again_years_later_joins_it_only_when_much_alike() -> None:
    plant = release("Hanbit Semiconductor to build Cheongju wafer plant", CHIPS, date="2022-03-02")
    ships = release("Oseong Shipbuilding wins LNG carrier order", SHIPS, date="2022-03-02")
    later = release("Hanbit Semiconductor opens Cheongju wafer plant", CHIPS_AGAIN, date="2025-11-19")
    again = release("Oseong wins order", SHIPS, date="2025-11-19")  # the same text, years on
    book = MemoryBook()
    for r in (plant, ships, later, again):
        group_release(book, r, None)
    assert book.member_of[later.id] == book.member_of[plant.id] != book.member_of[ships.id]
    assert book.reasons[later.id].kind == "similar" and (book.reasons[later.id].days or 0) > 30
    assert book.member_of[again.id] == book.member_of[ships.id]
    assert book.reasons[again.id].kind == "similar"  # never a near-duplicate beyond the window


MONTHLY = ("Korea's ICT exports reached USD {value} billion in {month} 2025, up {change} percent "
           "from a year earlier, the Ministry of Trade, Industry and Resources said. Semiconductor "
           "exports led the growth, and exports to China and Viet Nam rose.")


def test_one_indicator_in_two_months_is_two_stories() -> None:
    october = release("Korea's ICT exports extend growth streak",
                      MONTHLY.format(value="23.3", month="October", change="12.2"),
                      date="2025-11-14")
    november = release("Korea's ICT exports extend growth streak in November",
                       MONTHLY.format(value="24.1", month="November", change="9.8"),
                       date="2025-12-12")
    again = release("ICT exports up 12.2 percent in October",
                    MONTHLY.format(value="23.3", month="October", change="12.2"),
                    source="Other", date="2025-11-15")
    assert extract(october).figures and extract(november).figures
    first, second, third = stories_of([october, november, again], facts=True)
    assert first == third != second


ALPHA = ("Minister Arvid Kolberg met Quentaro Holdings in Brindell on the harbour crane contract. "
         "Kolberg said Quentaro Holdings would supply twelve cranes to Brindell harbour.")
OMEGA = ("Zafira Montclair of Velloria Mining signed the Tessaly copper concession. Montclair said "
         "Velloria Mining would open the Tessaly copper pit next spring.")


def test_a_bridging_release_merges_two_stories_and_the_older_id_survives() -> None:
    a = release("Brindell harbour crane contract", ALPHA)
    b = release("Tessaly copper concession signed", OMEGA)
    bridge = release("Brindell cranes and Tessaly copper: one deal",
                     ALPHA + " " + OMEGA + " The crane contract and the copper concession are one "
                     "package, Kolberg and Montclair said.")
    book = MemoryBook()
    first = group_release(book, a, None).story
    second = group_release(book, b, None).story
    assert first != second
    decision = group_release(book, bridge, None)
    assert decision.story == first and decision.merged == (second,)
    assert book.merged_into == {second: first}
    assert {book.member_of[r.id] for r in (a, b, bridge)} == {first}


CRANES = (
    ("Kolberg signs Brindell crane contract",
     "Minister Arvid Kolberg signed the harbour crane contract with Quentaro Holdings in Brindell."),
    ("Quentaro to supply Brindell cranes",
     "Quentaro Holdings will supply twelve cranes to Brindell harbour, minister Arvid Kolberg said."),
    ("Twelve cranes for Brindell harbour",
     "Brindell harbour will get twelve Quentaro cranes by next spring under the contract."),
    ("Brindell port contract goes to Quentaro",
     "The Brindell port authority said Quentaro Holdings won the crane contract Kolberg signed."),
)
# arrival joins nothing: only consolidation groups (average link over every pair of members)
ONLY_LINKS = GroupingOptions(join=0.99, merge=0.99, far_join=0.99, link=0.1, lag=1)


def test_consolidation_joins_an_event_that_arrival_split() -> None:
    releases = [release(title, body) for title, body in CRANES]
    book = MemoryBook()
    for r in releases:
        group_release(book, r, None, ONLY_LINKS)
    assert len(set(book.member_of.values())) == 4  # no release joined on arrival
    found = group_in_memory([(r, None) for r in releases], ONLY_LINKS)
    assert {found[r.id] for r in releases} == {found[releases[0].id]}  # the oldest id survives


def test_consolidation_keeps_two_events_of_one_kind_apart() -> None:
    chips = [release("Hanbit Semiconductor to build Cheongju wafer plant", CHIPS),
             release("Hanbit unveils KRW 4 trillion chip fab", CHIPS_AGAIN, "Daily")]
    display = [release("Daeyang Electronics to build Gumi display plant",
                       "Daeyang Electronics will build a KRW 2 trillion display plant in Gumi, "
                       "chief executive Lee Soo-ah said on Tuesday. The Gumi plant will make OLED "
                       "panels from 2028."),
               release("Daeyang picks Gumi for OLED plant",
                       "Daeyang Electronics chose Gumi for its KRW 2 trillion OLED panel plant, "
                       "Lee Soo-ah, its chief executive, told reporters.", "Daily")]
    for options in (ONLY_LINKS, GroupingOptions()):
        found = group_in_memory([(r, extract(r)) for r in chips + display], options)
        assert found[chips[0].id] == found[chips[1].id] != found[display[0].id]
        assert found[display[0].id] == found[display[1].id]


def stored_in_batches(path: Path, releases: list[Release], size: int,
                      options: GroupingOptions) -> list[str]:
    """The story of each release, grouped through a new SQLite store ``size`` at a time."""
    from pressdesk.store.sqlite import SQLiteStore

    store = SQLiteStore(str(path))
    for at in range(0, len(releases), size):
        batch = releases[at : at + size]
        store.save_batch(batch, "2026-01-01T00:00:00+00:00")
        with store.transaction():
            group_stored(store, [(r, None) for r in batch], options)
    found = [store.stories_of([r.id])[r.id][0] for r in releases]
    store.close()
    return found


def test_consolidation_is_the_same_however_the_store_is_batched(tmp_path: Path) -> None:
    releases = [release(title, body) for title, body in CRANES]
    found = [stored_in_batches(tmp_path / f"b{size}.db", releases, size, ONLY_LINKS)
             for size in (1, 3, 4)]
    assert found[0] == found[1] == found[2]
    assert len(set(found[0][:3])) == 1  # the last one's neighbourhood is held for a later one


LATER = ("2025-06-02", "2025-06-03", "2025-11-17")  # the third months after, beyond the window
SOON = replace(GroupingOptions(), lag=1)


CRANES_ARRIVE = ("Brindell cranes arrive",
                 "The twelve Quentaro cranes that minister Arvid Kolberg ordered for Brindell "
                 "harbour arrived under the contract.")


def months_apart() -> tuple[list[Release], Release]:
    """Two releases of the crane contract, and a follow-up months later."""
    texts = (*CRANES[:2], CRANES_ARRIVE)
    cranes = [release(title, body, date=day) for (title, body), day in zip(texts, LATER, strict=True)]
    return cranes, release("Oseong Shipbuilding wins LNG carrier order", SHIPS, date="2025-11-18")


def test_consolidation_takes_up_a_story_months_later_on_the_same_link() -> None:
    """Pairs beyond the window count ``link_far`` times in a link, and that is all: no higher
    threshold on top of it (ECB+ dev's follow-ups weeks later stayed apart with one)."""
    cranes, ships = months_apart()
    book = MemoryBook()
    for r in cranes:
        group_release(book, r, None)
    assert book.member_of[cranes[2].id] != book.member_of[cranes[0].id]  # arrival: too far
    for options in (GroupingOptions(), SOON):
        found = group_in_memory([(r, None) for r in [*cranes, ships]], options)
        assert found[cranes[0].id] == found[cranes[1].id] == found[cranes[2].id] != found[ships.id]


def test_a_story_taken_up_later_is_the_same_however_the_store_is_batched(tmp_path: Path) -> None:
    cranes, ships = months_apart()
    for size in (1, 2, 4):
        found = stored_in_batches(tmp_path / f"b{size}.db", [*cranes, ships], size, SOON)
        assert found[0] == found[1] == found[2] != found[3], size


def test_a_merge_in_the_store_resolves_the_old_id_and_reindexes(desk: Desk) -> None:
    a = release("Brindell harbour crane contract", ALPHA)
    b = release("Tessaly copper concession signed", OMEGA)
    desk.add([a, b], IngestOptions(extract=False))
    older = desk.story_of(a.id).story.id
    newer = desk.story_of(b.id).story.id
    assert older != newer
    bridge = release("Brindell cranes and Tessaly copper: one deal",
                     ALPHA + " " + OMEGA + " One package, Kolberg and Montclair said.")
    desk.add([bridge], IngestOptions(extract=False))
    view = desk.story(newer)  # the merged id resolves to the survivor
    assert view.story.id == older and view.story.merged == (newer,)
    assert [m.release_id for m in view.members] == [a.id, b.id, bridge.id]
    assert desk.search(f"story:{newer}").total == 3 == desk.search(f"story:{older}").total


def test_grouping_does_not_depend_on_batch_boundaries(tmp_path: Path) -> None:
    releases = [r for r in _sample_releases()]
    found = []
    for size in (1, 3, 1000):
        with Desk.open(str(tmp_path / f"b{size}.db")) as desk:
            desk.add(releases, IngestOptions(batch_size=size))
            found.append({rid: desk.story_of(rid).story.id for rid in (r.id for r in releases)})
    assert found[0] == found[1] == found[2]


def _sample_releases() -> list[Release]:
    from pressdesk.readers import read_path

    return [r for r in read_path(str(SAMPLE)) if isinstance(r, Release)]


def test_the_sample_holds_one_story_of_two_releases(desk: Desk) -> None:
    desk.ingest([str(SAMPLE)])
    (meetup,) = desk.stories(StoryFilter(min_size=2))
    view = desk.story(meetup.id)
    assert {m.title for m in view.members} == {
        "2025 International Cooperation Meet-up Day for Middle Market Enterprises",
        "Middle Market Enterprises Lead Export Diversification to the New Southern Region",
    }
    joined = view.members[1].reason
    assert joined.kind == "similar" and joined.days == 1
    assert {"asean", "malaysia"} <= set(joined.shared)
    assert len(desk.stories()) == 9
    assert [s.id for s in desk.stories(query="ASEAN")] == [meetup.id]


def test_extract_fills_the_story_of_each_prediction() -> None:
    predictions = [p for p in predict_paths([str(SAMPLE)]) if isinstance(p, dict)]
    stories = [p["story"] for p in predictions]
    assert len(stories) == 10 and len(set(stories)) == 9


def test_features_survive_packing() -> None:
    r = release("(2nd LD) Hanbit to build plant", CHIPS)
    hashed, _ = with_entities(read_text(r), extract(r))
    features = release_features(r, extract(r), hashed, dict.fromkeys(hashed, 1.0))
    assert decode(r.id, r.source, encode(features)) == features
    packed, held = term_arrays(encode(features)), term_arrays(features)
    assert packed[0].tolist() == held[0].tolist() == list(features.term_ids)
    assert packed[1].tolist() == held[1].tolist() == list(features.weights)
    assert features.update == "2nd LD" and base_title(r.title) == "hanbit to build plant"


def test_stories_and_story_from_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(SAMPLE)]).exit_code == 0
    listed = runner.invoke(cli, ["--db", db, "stories", "--json"])
    (story,) = json.loads(listed.stdout)
    assert story["size"] == 2 and story["first_date"] == "2025-11-17"
    shown = runner.invoke(cli, ["--db", db, "story", story["id"][:6]])
    assert shown.exit_code == 0 and "Meet-up Day" in shown.stdout and "started the story" in shown.stdout
    detail = json.loads(runner.invoke(cli, ["--db", db, "story", story["id"], "--json"]).stdout)
    assert [r["reason"]["kind"] for r in detail["releases"]] == ["first", "similar"]
    every = json.loads(runner.invoke(cli, ["--db", db, "stories", "--all", "--json"]).stdout)
    assert len(every) == 9
    missing = runner.invoke(cli, ["--db", db, "story", "nosuch"])
    assert missing.exit_code == 1 and "no story" in missing.stderr


def test_issues_of_a_recurring_report_are_different_stories() -> None:
    body = ("The central bank said it provided the money market with {n} million in assistance "
            "this morning, buying treasury bills from the discount houses at established rates.")
    monday = release("Money market given 24 mln assistance", body.format(n=24), date="2025-11-17")
    tuesday = release("Money market given 85 mln assistance", body.format(n=85), date="2025-11-18")
    again = release("Money market given 24 mln assistance", body.format(n=24), "Other", "2025-11-17")
    first, second, third = stories_of([monday, tuesday, again])
    assert first == third != second


def test_a_story_holding_one_issue_of_a_report_never_takes_another() -> None:
    """The chain of a daily report: Tuesday's issue is like Monday's commentary (which joined
    Monday's issue), but the story holds Monday's issue, so neither arrival nor consolidation
    puts Tuesday's in it (every term a blocking key: three releases make no rarities)."""
    monday = [release("Money market given 24 mln help",
                      "The Bank of England said it gave the money market 24 million stg of help "
                      "this morning, buying treasury bills from Kestrel Discount and Ashgrove "
                      "Securities at established rates.", date="2025-11-17"),
              release("Dealers see steady rates",
                      "Dealers at Kestrel Discount and Ashgrove Securities said the Bank of "
                      "England help would be followed by purchases from Lombard Vennel and "
                      "Corrigan Brothers.", "Other", "2025-11-17")]
    tuesday = release("Money market given 85 mln help",
                      "The Bank of England gave the money market 85 million stg of late help, "
                      "buying eligible bank bills from Lombard Vennel and Corrigan Brothers at "
                      "established rates.", date="2025-11-18")
    for options in (GroupingOptions(keys=50), replace(ONLY_LINKS, keys=50)):
        found = group_in_memory([(r, None) for r in [*monday, tuesday]], options)
        assert found[monday[0].id] == found[monday[1].id] != found[tuesday.id]


def features_of(r: Release) -> StoryFeatures:
    hashed = read_text(r).hashed
    return release_features(r, None, hashed, dict.fromkeys(hashed, 1.0))


BID = ("Dixwell Holdings raised its tender offer for Cyclon Corp to 95 dlrs a share, and "
       "Cyclon's board weighed the Dixwell bid against the rival offer from Aldmark Partners.")


def test_a_story_is_titled_by_its_most_typical_release_everywhere(desk: Desk) -> None:
    """The first release of a story need not name its event (a holder's stake filing before
    a takeover battle): ``stories``, ``story`` and a brief title it by the member most like
    the others; of two, by the earliest."""
    stake = release("Holder cuts Cyclon stake", "Investors cut their stake in Cyclon Corp to "
                    "8 pct, a filing showed. Dixwell Holdings made a tender offer for Cyclon Corp, "
                    "and Cyclon's board weighed the Dixwell bid against the Aldmark Partners offer.",
                    date="2025-03-02")
    bids = [release("Dixwell raises Cyclon bid to 95 dlrs", BID, date="2025-03-03"),
            release("Cyclon board weighs Dixwell and Aldmark bids", f"{BID} Talks go on.",
                    date="2025-03-04")]
    typical = (stake, *bids)[most_typical([term_arrays(features_of(r)) for r in (stake, *bids)])].title
    assert typical != stake.title
    assert [most_typical([term_arrays(features_of(r)) for r in two]) for two in (bids, bids[::-1])] == [0, 0]
    desk.add([stake, *bids])
    (story,) = desk.stories()
    assert story.size == 3 and story.title == typical
    assert desk.story(story.id).story.title == typical
    assert desk.brief("2025-03-01", "2025-03-31").stories[0].title == typical


# A newswire's stories, whose words make a wire of hundreds of releases (``wire``)
WIRE = [
    ("Copper prices climb on supply worries",
     "Copper rose 2 percent on the London Metal Exchange as mine strikes in Chile cut supply, "
     "traders said."),
    ("Storm closes ports along the coast",
     "A winter storm closed three ports and grounded ferries, the coast guard said, with gusts"
     " above 100 km an hour."),
    ("Carmaker recalls 40,000 vans",
     "Rolvik Motors recalled 40,000 vans over a faulty brake hose, the company said in a "
     "filing."),
    ("Central bank holds rates",
     "The central bank kept its policy rate at 3.5 percent and said inflation was easing "
     "faster than expected."),
    ("Airline orders 20 jets",
     "Skarn Air ordered 20 narrow-body jets worth 2 billion dollars at list prices to replace "
     "its ageing fleet."),
    ("Wheat harvest beats forecasts",
     "Farmers brought in a record wheat harvest after a wet spring, the farm agency said, "
     "lifting export hopes."),
    ("Tech firm cuts 500 jobs",
     "Quenta Systems will cut 500 jobs as sales of its routers slow, its chief executive told "
     "staff."),
    ("Oil steadies after OPEC talks",
     "Crude oil steadied near 80 dollars a barrel after producers agreed to keep output "
     "unchanged."),
    ("Rail strike halts freight",
     "A rail strike halted freight trains for a second day as unions and operators failed to "
     "agree on pay."),
    ("Retail sales fall in March",
     "Retail sales fell 0.4 percent in March as shoppers cut spending on clothes and "
     "furniture, data showed."),
    ("Shipyard wins tanker order",
     "Brekka Yards won an order for four tankers from a Greek owner, to be delivered by 2028."),
    ("Stocks end week higher",
     "Stocks ended the week higher, led by banks and energy shares, as bond yields eased."),
]
BOILER = "The Ministry of Commerce (MOC, Minister Ilse Varga) said on Tuesday that "
TAIL = (" Minister Ilse Varga said the Ministry of Commerce would keep working with industry. For "
        "more information contact the MOC press office.")
MINISTRY = [
    ("MOC opens export credit line",
     BOILER
     + "it opened a credit line of 50 million for small exporters of machinery to new "
       "markets in Africa. Firms with fewer than 250 staff may borrow up to 2 million each "
       "at a fixed rate for five years. Banks will take applications from May, and the first"
       " loans should be paid out before the summer."
     + TAIL),
    ("MOC sets quota for steel imports",
     BOILER
     + "a quota of 2 million tonnes will apply to imported steel from July to protect mills."
       " Imports above the quota will pay a duty of 25 percent. Steelmakers had asked for "
       "relief after a surge of cheap coil and rebar last year cut prices at home."
     + TAIL),
    ("MOC signs customs pact with Norland",
     BOILER
     + "a customs cooperation pact with Norland would speed up border checks for trucks. The"
       " two customs services will share electronic manifests and recognise each other's "
       "trusted traders. Hauliers say waits at the Kessel crossing now run to nine hours."
     + TAIL),
    ("MOC hosts Varenna trade fair",
     BOILER
     + "the Varenna trade fair for food exporters drew 300 companies and buyers from 40 "
       "countries to Varenna. Olive oil, cheese and wine makers signed orders worth 120 "
       "million on the first day. The fair runs until Friday in the Varenna exhibition "
       "halls."
     + TAIL),
    ("Varenna trade fair draws 300 exporters",
     "Three hundred food exporters met buyers from 40 countries at the Varenna trade fair,"
       " which the MOC hosts each spring in Varenna. Cheese and olive oil makers reported "
       "brisk orders from Asian buyers. Organisers expect 20,000 visitors by Friday."
     + TAIL),
    ("MOC reports services exports",
     BOILER
     + "services exports grew on strong tourism and software sales abroad in the first "
       "quarter. Receipts from foreign visitors rose 14 percent, and software exports 9 "
       "percent. Transport services fell as freight rates eased."
     + TAIL),
]

def wire(n: int) -> list[Release]:
    """``n`` releases of a newswire, each of fifty words drawn from ``WIRE``'s (seeded)."""
    words = sorted({w.lower() for _, body in WIRE for w in re.findall(r"[A-Za-z]{4,}", body)})
    draw = random.Random(7)
    return [release(f"{draw.choice(words).title()} {draw.choice(words)} {k}",
                    " ".join(draw.choice(words) for _ in range(50)) + ".",
                    date=f"2025-03-{1 + k % 20:02d}") for k in range(n)]


def test_a_sources_boilerplate_does_not_make_its_releases_one_story(tmp_path: Path) -> None:
    """A ministry names itself and its minister in every release; beside a newswire's
    hundreds of releases those names are rare, and weighed as rare they made its six
    releases on five matters one story. Counted within the ministry's releases they are
    common: only the two on its trade fair are one story. The store counts as releases
    arrive, so a source's first three are weighed by every source's counts alone."""
    ministry = [release(title, body, "MOC", f"2025-03-{13 if n == 4 else 10 + n:02d}")
                for n, (title, body) in enumerate(MINISTRY)]
    releases = [*wire(200), *ministry]
    found = dict(zip([r.id for r in releases], stories_of(releases), strict=True))
    fair = {found[r.id] for r in ministry[3:5]}
    assert len(fair) == 1 and len({found[r.id] for r in ministry}) == 5
    for size in (100, 7):
        stored = stored_in_batches(tmp_path / f"{size}.db", releases, size, GroupingOptions())[-6:]
        assert stored[3] == stored[4] and len({stored[0], stored[3], stored[5]}) == 3


def money_market(day: str, amount: int, houses: str) -> Release:
    return release(f"Money market given {amount} mln help",
                   f"The Bank of England gave the money market {amount} million stg of help, "
                   f"buying bills from {houses} at established rates.", date=day)


def dealers(day: str, houses: str, other: str) -> Release:
    return release(f"{houses.split()[0]} sees steady rates",
                   f"Dealers at {houses} said the Bank of England help kept rates steady, "
                   f"and {other} expected more.", "Other", day)


FIRST, SECOND = "Kestrel Discount and Ashgrove Securities", "Lombard Vennel and Corrigan Brothers"


def test_a_bridge_between_two_issues_of_a_report_does_not_merge_their_stories(
    tmp_path: Path,
) -> None:
    """Tuesday's comment is like Monday's story and Tuesday's: it may join one, but the two
    hold two issues of the daily report and stay apart (arrival and consolidation both, in
    memory and through the store, whose book reads the members)."""
    monday = [money_market("2025-11-17", 24, FIRST), dealers("2025-11-17", FIRST, "Lombard Vennel")]
    tuesday = [money_market("2025-11-18", 85, SECOND),
               dealers("2025-11-18", SECOND, "Kestrel Discount")]
    releases = [*monday, *tuesday]
    for n, options in enumerate((GroupingOptions(keys=50, merge=0.05), replace(ONLY_LINKS, keys=50))):
        in_memory = group_in_memory([(r, None) for r in releases], options)
        for size in (0, 1, 3):  # in memory (consolidated to its end), or stored so many at a time
            found = dict(zip([r.id for r in releases], stored_in_batches(
                tmp_path / f"{n}-{size}.db", releases, size, options), strict=True)) if size else in_memory
            assert found[monday[0].id] == found[monday[1].id] != found[tuesday[0].id]
            if not size:  # the store holds the last releases' neighbourhoods until more come
                assert found[tuesday[1].id] in (found[monday[0].id], found[tuesday[0].id])


def test_a_story_is_apart_by_any_of_its_members_not_only_those_found() -> None:
    """Monday's story (its issue and a comment) is apart from Tuesday's issue by its members,
    whichever of them the blocking found; another comment may join it."""
    book, options = MemoryBook(), GroupingOptions(keys=50)
    monday = [money_market("2025-11-17", 24, FIRST), dealers("2025-11-17", FIRST, "Lombard Vennel")]
    for r in monday:
        group_release(book, r, None, options)
    story = book.member_of[monday[0].id]
    assert book.member_of[monday[1].id] == story
    tuesday = features_of(money_market("2025-11-18", 85, SECOND))
    assert without_issues(book, tuesday, [story], options) == []
    comment = features_of(dealers("2025-11-18", SECOND, "Kestrel Discount"))
    assert without_issues(book, comment, [story], options) == [story]


def test_one_headline_far_apart_may_be_one_event_but_near_is_the_next_issue() -> None:
    """A trailing label is no part of a title (a number alone in parentheses is); one
    headline on two days within the window is the next issue of a report, far apart it may
    be one event's (reprinted, misdated), and another number in it is another issue
    whatever the days."""
    options = GroupingOptions()
    assert base_title("Lawyer: Lohan checks into rehab (1_2ecbplus)") == base_title(
        "Lawyer: Lohan checks into rehab (1_21ecbplus)") == "lawyer lohan checks into rehab"
    assert base_title("Cocoa review (2)") == "cocoa review 2"  # a number alone is an issue's
    one = ("The Federal Reserve entered the market to arrange two billion dlrs of customer "
           "repurchase agreements, a spokesman said.")
    two = ("Dealers said the Fed supplied reserves indirectly through about 1.5 billion dlrs of "
           "repurchases for its customers today.")
    def fed(day: str, body: str, title: str = "Fed adds reserves via repurchases") -> StoryFeatures:
        return features_of(release(title, body, date=day))
    assert other_issue(fed("2025-11-17", one), fed("2025-11-18", two), options)
    assert not other_issue(fed("2025-11-17", one), fed("2027-11-18", two), options)
    assert other_issue(fed("2025-11-17", one, "Fed adds 2 bln dlrs reserves"),
                       fed("2027-11-18", two, "Fed adds 3 bln dlrs reserves"), options)
    assert not other_issue(fed("2025-11-17", one), fed("2025-11-18", one), options)  # one text
    assert not other_issue(fed("2025-11-17", one), fed("2025-11-17", two), options)  # one day


def test_a_daily_report_of_boilerplate_is_an_issue_not_a_reprint() -> None:
    """Two days' reports sharing most of their sentences but for the numbers are two issues;
    only nearly all of the text again (``reprint``) is the same issue printed again."""
    def report(day: str, amount: str, rate: str) -> StoryFeatures:
        return features_of(release(
            "Fed adds reserves via customer repurchases",
            f"The Federal Reserve entered the U.S. Government securities market to arrange "
            f"{amount} billion dlrs of customer repurchase agreements, a Fed spokesman said. "
            f"Dealers said Federal funds were trading at {rate} pct when the Fed began its "
            f"temporary and indirect supply of reserves to the banking system.", date=day))
    monday, tuesday = report("2025-11-17", "two", "6-1/8"), report("2025-11-18", "1.5", "6-3/16")
    assert 0.5 <= sketch_resemblance(monday.shingles, tuesday.shingles) < 0.9
    assert other_issue(monday, tuesday, GroupingOptions())
    assert not other_issue(monday, report("2025-11-18", "two", "6-1/8"), GroupingOptions())


def test_a_release_holds_its_most_alike_neighbours_and_no_more() -> None:
    """A release like many stories (a remix of two) holds only the ``neighbours`` most alike
    with its own for consolidation, the most alike first chosen, then in order of id."""
    words = ["Brindell", "Quentaro", "Kolberg", "Tessaly", "Oseong"]
    earlier = [release(f"{w} crane contract", f"{w} harbour cranes were ordered by the port "
                       f"authority of {w} from Quentaro Holdings under the crane contract.")
               for w in words]
    late = release("Crane contracts", "The port authorities of Brindell, Kolberg, Tessaly and "
                   "Oseong ordered harbour cranes from Quentaro Holdings under crane contracts.")
    for bound in (2, 4):
        book = MemoryBook()
        options = GroupingOptions(join=0.99, merge=0.99, far_join=0.99, keys=50, neighbours=bound)
        for r in [*earlier, late]:
            group_release(book, r, None, options)
        held = book.held[-1][1]
        assert held[0] == book.member_of[late.id] and len(held) == 1 + bound
        assert list(held[1:]) == sorted(held[1:])


def keyed(rid: str, day: int, terms: list[int], shingles: tuple[int, ...]) -> StoryFeatures:
    return StoryFeatures(rid, day, "Wire", term_hash(rid), term_hash(rid), "", array("I", terms),
                         array("f", [0.5] * len(terms)), (), shingles)


@pytest.mark.parametrize("where", ["memory", "store"])
def test_beyond_the_window_only_the_title_and_terms_find_a_release(
    where: str, tmp_path: Path,
) -> None:
    """The sketch's keys find a copy within the window; beyond it a copy is no near-duplicate,
    and the reach looks up the title and terms alone."""
    from pressdesk.store.sqlite import SQLiteStore

    options = GroupingOptions()
    old_copy = keyed("a-old-copy", 1000, [11, 12], (5, 6, 7))  # shares only shingles
    old_kin = keyed("b-old-kin", 1000, [21, 22], (8,))  # shares a heavy term
    recent_copy = keyed("c-recent-copy", 1990, [31], (5, 9))
    new = keyed("d-new", 2000, [21, 41], (5, 6, 7))
    store = SQLiteStore(str(tmp_path / "s.db")) if where == "store" else None
    book = store.story_book() if store else MemoryBook()
    for features in (old_copy, old_kin, recent_copy):
        book.add(features, features.keys(options.keys), list(features.term_ids),
                 story_id(features.release_id), StoryReason("first"))
    found = candidates(book, new, options)
    assert [c.features.release_id for c in found] == ["c-recent-copy", "b-old-kin"]
    if store:
        book.flush()  # and the same once written
        found = candidates(store.story_book(), new, options)
        assert [c.features.release_id for c in found] == ["c-recent-copy", "b-old-kin"]
        store.close()


def test_releases_stored_before_stories_are_grouped_when_the_store_opens(tmp_path: Path) -> None:
    db = str(tmp_path / "old.db")
    with Desk.open(db) as desk:
        desk.ingest([str(SAMPLE)])
        grouped = {s.id: s.size for s in desk.stories(StoryFilter(min_size=2))}
        for table in ("story_members", "story_keys", "story_terms", "story_sources",
                      "story_source_terms", "stories", "story_held", "meta"):
            where = " WHERE key = 'story_docs'" if table == "meta" else ""
            desk.store.db.execute(f"DELETE FROM {table}{where}")  # type: ignore[attr-defined]
        assert desk.store.count_ungrouped() == 10
    with Desk.open(db) as desk:
        assert desk.store.count_ungrouped() == 0
        assert {s.id: s.size for s in desk.stories(StoryFilter(min_size=2))} == grouped


def test_a_store_grouped_with_features_of_another_kind_is_grouped_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    """Upgrading past ``count_terms_by_source`` (as past ``regroup_stories`` before it): the
    stories are grouped again when the store opens (with a note, as it takes a while on a
    large store), each keeping the id of its first release, and every release is queued for
    the index."""
    db = str(tmp_path / "old.db")
    with Desk.open(db) as desk:
        desk.ingest([str(SAMPLE)])
        grouped = {s.id: s.size for s in desk.stories(StoryFilter(min_size=2))}
        old = desk.store.db  # type: ignore[attr-defined]
        old.execute("UPDATE story_members SET reason = '{\"kind\": \"old\"}'")
        old.execute("DROP TABLE story_sources")
        old.execute("DROP TABLE story_source_terms")
        unclustered(old)
        old.execute(f"PRAGMA user_version = {MIGRATIONS.index(count_terms_by_source)}")
        old.commit()
    monkeypatch.setattr(desk_module, "NOTE_UNGROUPED", 10)
    with caplog.at_level(logging.WARNING, "pressdesk"), Desk.open(db) as desk:
        assert "grouping 10 releases into stories, once" in caplog.text
        reasons = [m.reason.kind for s in desk.stories(StoryFilter()) for m in desk.story(s.id).members]
        assert len(reasons) == 10 and "old" not in reasons
        assert {s.id: s.size for s in desk.stories(StoryFilter(min_size=2))} == grouped
        assert desk.store.count_queued() == 0  # the index took every release again


def unclustered(db: sqlite3.Connection) -> None:
    """The story members and blocking keys as stores before ``cluster_story_members`` held
    them: by release id."""
    db.executescript("""
        CREATE TABLE old_members (release_id TEXT PRIMARY KEY, story_id TEXT NOT NULL,
            seq INTEGER NOT NULL, source TEXT NOT NULL, features BLOB NOT NULL,
            reason TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO old_members SELECT release_id, story_id, seq, source, features, reason
            FROM story_members;
        CREATE TABLE old_keys (key INTEGER NOT NULL, day INTEGER NOT NULL,
            release_id TEXT NOT NULL, PRIMARY KEY (key, day, release_id)) WITHOUT ROWID;
        INSERT INTO old_keys SELECT k.key, k.day, m.release_id FROM story_keys k
            JOIN story_members m ON m.seq = k.member;
        DROP TABLE story_members; DROP TABLE story_keys;
        ALTER TABLE old_members RENAME TO story_members;
        ALTER TABLE old_keys RENAME TO story_keys;
        CREATE INDEX story_members_story ON story_members(story_id);
    """)


def test_a_store_of_members_by_release_id_keeps_its_stories_in_grouping_order(
    tmp_path: Path,
) -> None:
    """Upgrading past ``cluster_story_members``: members and keys are copied, nothing is
    grouped again, and the next release finds its candidates through the copied keys."""
    db = str(tmp_path / "old.db")
    releases = _sample_releases()
    first, later = releases[:2], releases[2:]  # the Meet-up Day pair: 1 and 2
    with Desk.open(db) as desk:
        desk.add(first)
        before = {s.id: [m.release_id for m in desk.story(s.id).members]
                  for s in desk.stories(StoryFilter())}
        old = desk.store.db  # type: ignore[attr-defined]
        unclustered(old)
        old.execute(f"PRAGMA user_version = {MIGRATIONS.index(cluster_story_members)}")
        old.commit()
    with Desk.open(db) as desk:
        assert desk.store.count_ungrouped() == 0
        assert {s.id: [m.release_id for m in desk.story(s.id).members]
                for s in desk.stories(StoryFilter())} == before
        desk.add(later)
        migrated = {s.id: s.size for s in desk.stories(StoryFilter())}
    with Desk.open(str(tmp_path / "new.db")) as desk:
        desk.add(first)
        desk.add(later)
        assert {s.id: s.size for s in desk.stories(StoryFilter())} == migrated
    assert sorted(migrated.values()) == [1] * 8 + [2]


def story_tables(path: Path) -> list[list[tuple[object, ...]]]:
    """What a store's grouping wrote: members (features and reasons too), stories, counts."""
    db = sqlite3.connect(path)
    try:
        return [db.execute(sql).fetchall() for sql in (
            "SELECT * FROM story_members ORDER BY seq", "SELECT * FROM stories ORDER BY seq",
            "SELECT * FROM story_terms ORDER BY term", "SELECT * FROM story_keys ORDER BY 1, 2, 3",
            "SELECT * FROM story_source_terms ORDER BY key")]
    finally:
        db.close()


def grouped(store: object, batch: list[Release]) -> None:
    from pressdesk.store.sqlite import SQLiteStore

    assert isinstance(store, SQLiteStore)
    store.save_batch(batch, "2026-01-01T00:00:00+00:00")
    with store.transaction():
        group_stored(store, [(r, None) for r in batch], SOON)


def bridged_in_three() -> tuple[list[Release], list[Release], list[Release]]:
    """A crane story and a copper story; a release that bridges them; a copper release."""
    cranes = [release("Brindell harbour crane contract", ALPHA),
              release("Kolberg on Brindell cranes", ALPHA + " The cranes arrive in May.")]
    copper = [release("Tessaly copper concession signed", OMEGA),
              release("Montclair on Tessaly copper", OMEGA + " The pit opens in April.")]
    bridge = release("Brindell cranes and Tessaly copper: one deal",
                     ALPHA + " " + OMEGA + " One package, Kolberg and Montclair said.")
    later = release("Velloria Mining opens Tessaly copper pit", OMEGA + " Velloria opened it.")
    return [*cranes, *copper], [bridge], [later]


def test_grouping_remembers_between_batches_only_what_the_store_still_holds(
    tmp_path: Path,
) -> None:
    """A store's ``StoryMemory`` (candidates, stories, term counts kept from one batch to the
    next) is dropped when a batch is rolled back and when another connection has grouped:
    the store ends as one that never saw the rolled-back batch, grouped by one writer."""
    from pressdesk.store.sqlite import SQLiteStore

    first, bridge, later = bridged_in_three()
    clean = SQLiteStore(str(tmp_path / "clean.db"))
    for batch in (first, bridge, later):
        grouped(clean, batch)
    stories = clean.stories_of([r.id for r in (*first, *later)])
    assert len({found[0] for found in stories.values()}) == 1  # the bridge made them one
    clean.close()

    store = SQLiteStore(str(tmp_path / "rolled.db"))
    grouped(store, first)
    store.save_batch(bridge, "2026-01-01T00:00:00+00:00")
    with pytest.raises(RuntimeError), store.transaction():  # grouped, then rolled back
        group_stored(store, [(r, None) for r in bridge], SOON)
        raise RuntimeError("the batch fails after grouping")
    assert store.story_memory.members  # the failed batch's candidates, in memory
    ships = [release("Oseong Shipbuilding wins LNG carrier order", SHIPS)]
    other = SQLiteStore(str(tmp_path / "rolled.db"))  # another writer groups as many releases
    grouped(other, ships)
    other.close()
    grouped(store, later)  # the failed bridge did not merge the copper story into the cranes'
    with store.transaction():
        group_stored(store, [(r, None) for r in bridge], SOON)
    grouped(store, [release("Brindell cranes arrive", ALPHA + " They came in May.")])
    store.close()
    expected = SQLiteStore(str(tmp_path / "expected.db"))
    for batch in (first, ships, later, bridge, [release("Brindell cranes arrive",
                                                        ALPHA + " They came in May.")]):
        grouped(expected, batch)
    expected.close()
    assert story_tables(tmp_path / "rolled.db") == story_tables(tmp_path / "expected.db")


def test_the_memory_keeps_the_last_candidates_and_no_more() -> None:
    from pressdesk.store.sqlite_stories import StoryMemory

    made = [release(f"Plant {n}", CHIPS + f" Unit {n}.") for n in range(3)]
    hashed = [with_entities(read_text(r), None)[0] for r in made]
    features = [release_features(r, None, h, dict.fromkeys(h, 1.0))
                for r, h in zip(made, hashed, strict=True)]
    memory = StoryMemory(limit=2)
    memory.open((1, 1, 0))
    for n, f in enumerate(features):
        memory.put(n + 1, Candidate(f, "s1"))
    assert list(memory.members) == [2, 3]  # the oldest out
    memory.moved([1, 3], "s0")
    assert [c.story for c in memory.members.values()] == ["s1", "s0"]
    memory.close((1, 1, 3))
    memory.open((1, 1, 3))
    assert len(memory.members) == 2  # the store is as the memory left it
    memory.close((1, 1, 3))
    memory.open((1, 2, 3))  # another connection committed
    assert not memory.members and not memory.sizes and not memory.counts


def test_inflected_forms_are_one_term_and_a_reason_names_them_as_written() -> None:
    killed = read_text(release("Gunman Kills Three", "A gunman killed three shoppers. Police "
                                                     "arrested the gunman after the shootings."))
    kills = read_text(release("Police arrest gunman", "The gunman kills three in a shooting."))
    shared = set(killed.hashed) & set(kills.hashed)
    assert {killed.names[t] for t in shared} >= {"kills", "arrested", "shootings", "gunman"}
    assert {kills.names[t] for t in shared} >= {"kills", "arrest", "shooting", "gunman"}
    # a run of capitalised words stays as written; a number weighs twice a word
    names = read_text(release("Quake", "Rescuers reached Port Moresby after the 6.1 quake."))
    by_text = {text: names.hashed[h] for h, text in names.names.items()}
    assert "port moresby" in by_text
    assert by_text["#6.1"] == 2 * by_text["reached"]


def test_a_key_of_two_spans_is_looked_up_once_and_finds_what_two_look_ups_would(
    tmp_path: Path,
) -> None:
    """The store looks a key of the window and the reach up over the reach alone, and takes
    the window's from it, unless a posting lies after the window (then it looks again)."""
    from pressdesk.store.sqlite import SQLiteStore

    store = SQLiteStore(str(tmp_path / "s.db"))
    rng = random.Random(7)
    rows = {(rng.randrange(6), rng.randrange(700, 1300), m) for m in range(1, 400)}
    store.db.executemany("INSERT INTO story_keys (key, day, member) VALUES (?, ?, ?)", rows)
    book = store.story_book()
    for day in (650, 800, 1000, 1250, 1400):
        spans = [((0, 1, 2, 3), day - 30, day + 30), ((0, 1, 4, 5), day - 300, day + 300),
                 ((2, 5), day - 10, day + 500)]
        found = book._nearest(spans, 10)
        for i, (keys, _, _) in enumerate(spans):
            for key in keys:
                assert found[i, key] == book._look_up([(i, key)], spans, 10)[i, key]
    store.close()
