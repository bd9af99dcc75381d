"""Consolidation: stories that arrival split, merged once more of them has arrived.

The grouper decides as each release arrives, against stories of one or two
members at the start of an event, and the average it joins by counts the
members its blocking did not find as unlike: the releases of one event can
end up in a large story and a few small ones that no later release bridges.
So each release's neighbourhood (its story, and the ``neighbours`` other stories
its average similarity was highest with when it was grouped, if it reached
``near``: ``grouping.neighbourhood``) is
held (``StoryBook.hold``) until ``lag`` more releases are grouped; then its
story is compared with each of those stories by **average link**: the mean of
``grouping.similarity`` (what ``score`` finds) over every pair of their
members, a pair beyond the window counting ``link_far`` times, and none if a
pair is two issues of a recurring report (``grouping.APART``). Two stories are
compared only when the smaller has at most ``small`` members and the two
together at most ``large`` (a story that large is more often a chain of a
recurring report, the Bank of England's daily help or a day's quarterly
results, than one event, and consolidation must not feed it; the grouper can
still grow it release by release). The most alike at ``link`` or more merges,
the older id surviving as when a release bridges two stories, and the survivor
is compared with the rest again, until none is alike enough: average-link
clustering, restricted to the neighbourhoods the grouper's blocking found.

Two stories none of whose members are within the window of each other need
the same ``link``: their pairs already count ``link_far`` times (0.4), so they
need two and a half times the similarity of near ones. (Asking ``far_join``
of them as well, as the grouper asks of a release taking up an old story,
needed an average cosine of 0.5, more than most updates share: ECB+ dev lost
its follow-ups weeks later and its placeholder-dated articles, 0.870 against
0.891.)

Stories only merge (a release never moves out of its story), and the lag
counts releases grouped, not batches: the same releases in the same order
give the same stories however they are batched. ``group_in_memory`` knows
where its input ends and consolidates what is left there (``settle``); the
store leaves the last ``lag`` releases' neighbourhoods held until more come.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace

from pressdesk.stories.features import StoryFeatures
from pressdesk.stories.grouping import GroupingOptions, StoryBook, similarity

__all__ = ["Links", "consolidate", "settle"]


class Links:
    """The similarity of pairs of releases already compared (a story is compared again each
    time one of its members is due); the oldest go first past ``limit``. Only a saving: a
    pair's similarity is the same whenever it is computed."""

    def __init__(self, options: GroupingOptions, limit: int = 1 << 18) -> None:
        self.options = replace(options, far=options.link_far)
        self.limit = limit
        self.pairs: OrderedDict[tuple[str, str], float] = OrderedDict()

    def link(self, a: Sequence[StoryFeatures], b: Sequence[StoryFeatures]) -> float:
        """The average link of two stories' members, 0 if it cannot merge them (under
        ``link``). A pair is scored once, the release of the smaller id against the other."""
        total, pairs = 0.0, self.pairs
        for x in a:
            mine: dict[int, float] | None = None  # x's terms, once needed
            for y in b:
                first, second = (x, y) if x.release_id < y.release_id else (y, x)
                key = (first.release_id, second.release_id)
                found = pairs.get(key)
                if found is None and first is x:
                    mine = mine or dict(zip(x.term_ids, x.weights, strict=True))
                    found = self._score(x, mine, y, key)
                elif found is None:
                    found = self._score(y, dict(zip(y.term_ids, y.weights, strict=True)), x, key)
                total += found
        average = total / (len(a) * len(b))
        return average if average >= self.options.link else 0.0

    def _score(self, a: StoryFeatures, mine: dict[int, float], b: StoryFeatures,
               key: tuple[str, str]) -> float:
        found = self.pairs[key] = similarity(a, mine, b, self.options)
        if len(self.pairs) > self.limit:
            self.pairs.popitem(last=False)
        return found


def consolidate(book: StoryBook, options: GroupingOptions, links: Links) -> int:
    """Consolidate the neighbourhoods held of releases ``lag`` releases ago or more;
    returns how many merges that made."""
    return sum(_consolidate(book, held, options, links) for held in book.due(options.lag))


def settle(book: StoryBook, options: GroupingOptions, links: Links) -> int:
    """Consolidate every neighbourhood held (at the end of an input)."""
    return sum(_consolidate(book, held, options, links) for held in book.due(0))


def _consolidate(book: StoryBook, held: tuple[str, ...], options: GroupingOptions,
                 links: Links) -> int:
    if len(held) < 2:
        return 0
    now = book.resolve(held)
    story = now[held[0]]
    others = sorted(set(now.values()) - {story})
    merges = 0
    while others:
        best = _most_alike(book, story, others, options, links)
        if best is None:
            return merges
        order = book.story_sizes([story, best])
        survivor, absorbed = sorted((story, best), key=lambda s: order[s][0])
        book.merge(survivor, [absorbed])
        others.remove(best)
        story = survivor
        merges += 1
    return merges


def _most_alike(book: StoryBook, story: str, others: list[str], options: GroupingOptions,
                links: Links) -> str | None:
    """The story of ``others`` whose link with ``story`` merges them and is highest (the
    first in order of ids on a tie), if any; only those of a size to compare are read."""
    sizes = book.story_sizes([story, *others])
    mine = sizes[story][1]
    others = [o for o in others
              if min(mine, sizes[o][1]) <= options.small and mine + sizes[o][1] <= options.large]
    if not others:
        return None
    members = book.member_features([story, *others])
    best, highest = None, 0.0
    for other in others:
        value = links.link(members[story], members[other])
        if value > highest:
            best, highest = other, value
    return best
