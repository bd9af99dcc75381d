"""Collection: follow ministries' sites and feeds, and pull in what is new, politely.

    from pressdesk import Desk
    from pressdesk.collect import CollectOptions, SourceRequest

    with Desk.open("pressdesk.db") as desk:
        desk.add_source(SourceRequest("ustr", "https://ustr.gov/", kind=None))  # finds its feed
        for report in desk.collect(options=CollectOptions()).sources:
            print(report)

Where things live: ``sources`` (kinds and the listing profile format, shipped
profiles in ``profiles/``), ``select`` (CSS and XPath selectors), ``fetch``
(the polite HTTP client), ``discover`` (what a new source is), ``feeds``,
``sitemaps`` and ``listing`` (one index walker per kind), ``items`` (what
walkers yield; article pages into releases), ``collector`` (a run) and
``schedule`` (runs at intervals). The store keeps sources, what is known of
each URL, robots.txt files and the provenance pages (``Store`` protocol).
"""

from pressdesk.collect.collector import CollectOptions, CollectReport, SourceReport
from pressdesk.collect.discover import SourceRequest
from pressdesk.collect.fetch import FetchSettings
from pressdesk.collect.schedule import parse_interval

__all__ = [
    "CollectOptions",
    "CollectReport",
    "FetchSettings",
    "SourceReport",
    "SourceRequest",
    "parse_interval",
]
