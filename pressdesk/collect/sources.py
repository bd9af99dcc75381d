"""Sources and listing profiles.

A source is a name, a URL and a kind (``KINDS``). A ``listing`` source also
has a *profile*: a small TOML file that says where the listing's pages are and
which CSS or XPath selectors find the article links and each field. Profiles
are data, never code; a few ship with pressdesk (``shipped_profiles``) and
``docs/collect.md`` explains how to write one. A feed or sitemap source may
have a profile too, for its ``include`` pattern and ``[article]`` selectors.

    name = "example"                       # the profile's own name
    title = "Example Ministry: press releases"
    language = "en"                        # of the releases (else the page's)
    include = "/press/\\d+"                 # only article URLs matching this pattern
    drop_params = ["page"]                 # query parameters that do not name the article ("*": all)
    hosts = ["files.example.gov"]          # further hosts redirects may lead to

    [listing]
    pages = "?page={page}"                 # page N, relative to the source URL
    first_page = 1                         # the number of the source URL's own page
    max_pages = 500                        # never read further
    next = "a.next"                        # or: the link to the next page
    item = "ul.news li"                    # one element per release (optional)
    link = "a"                             # the article link (inside item)
    title = "a"                            # fields the listing shows (optional)
    date = "span.date"
    date_format = "%Y.%m.%d"
    category = "span.category"

    [article]                              # fields on the article page (optional)
    title = "h1"
    date = ["span.date", "//meta[@property='article:published_time']/@content"]
    date_format = "%Y-%m-%d"
    category = "p.category"
    body = "div.article-body"              # else trafilatura finds the article

Every field takes one selector or a list tried in order. An article's field
comes from the article page's selector, else the listing's, else what
trafilatura finds in the page.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pressdesk.collect.select import Selector, compile_selector
from pressdesk.errors import CollectError

KINDS = ("rss", "atom", "sitemap", "listing")
FIELD_KEYS = frozenset({"title", "date", "date_format", "category", "body"})
LISTING_KEYS = frozenset({"pages", "first_page", "max_pages", "next", "item", "link"}) | FIELD_KEYS - {"body"}
TOP_KEYS = frozenset({"name", "title", "language", "include", "drop_params", "hosts", "listing", "article"})


@dataclass(frozen=True, slots=True)
class Fields:
    """Selectors for the fields of a release, and the date's strptime format."""

    title: tuple[Selector, ...] = ()
    date: tuple[Selector, ...] = ()
    date_format: str = ""
    category: tuple[Selector, ...] = ()
    body: tuple[Selector, ...] = ()


@dataclass(frozen=True, slots=True)
class Listing:
    """Where a listing's pages are and how to find the releases on each."""

    pages: str = ""  # a URL template with {page}, relative to the source URL
    first_page: int = 1
    max_pages: int = 1000
    next: tuple[Selector, ...] = ()
    item: tuple[Selector, ...] = ()
    link: tuple[Selector, ...] = ()
    fields: Fields = field(default_factory=Fields)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    title: str = ""
    language: str = ""
    include: re.Pattern[str] | None = None
    drop_params: frozenset[str] = frozenset()
    hosts: tuple[str, ...] = ()
    listing: Listing = field(default_factory=Listing)
    article: Fields = field(default_factory=Fields)


def parse_profile(text: str, where: str = "profile") -> Profile:
    """A profile from its TOML text; ``CollectError`` names the file and what is wrong."""
    try:
        data = tomllib.loads(text)
        return _profile(data)
    except tomllib.TOMLDecodeError as err:
        raise CollectError(f"{where}: not valid TOML: {err}") from err
    except (ValueError, TypeError, re.error) as err:
        raise CollectError(f"{where}: {err}") from err


def load_profile(ref: str) -> tuple[str, Profile]:
    """A profile's text and meaning, from a file or a shipped profile's name."""
    path = Path(ref)
    if path.is_file():
        text = path.read_text(encoding="utf-8")
    elif ref in shipped_profiles():
        text = _shipped(ref).read_text(encoding="utf-8")
    else:
        names = ", ".join(shipped_profiles())
        raise CollectError(f"{ref}: no such profile file, nor a shipped profile ({names})")
    return text, parse_profile(text, ref)


def shipped_profiles() -> tuple[str, ...]:
    """The names of the profiles that ship with pressdesk."""
    folder = resources.files("pressdesk.collect") / "profiles"
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir()
                        if p.name.endswith(".toml")))


def _shipped(name: str) -> Any:
    return resources.files("pressdesk.collect") / "profiles" / f"{name}.toml"


def _profile(data: dict[str, Any]) -> Profile:
    _known_keys(data, TOP_KEYS, "")
    include = _text(data, "include")
    return Profile(
        name=_text(data, "name"),
        title=_text(data, "title"),
        language=_text(data, "language"),
        include=re.compile(include) if include else None,
        drop_params=frozenset(str(p) for p in _list(data, "drop_params")),
        hosts=tuple(str(h).lower() for h in _list(data, "hosts")),
        listing=_listing(_table(data, "listing")),
        article=_fields(_table(data, "article"), "article."),
    )


def _listing(data: dict[str, Any]) -> Listing:
    _known_keys(data, LISTING_KEYS, "listing.")
    pages = _text(data, "pages")
    if pages and "{page}" not in pages:
        raise ValueError("listing.pages must hold {page}")
    return Listing(
        pages=pages,
        first_page=_int(data, "first_page", 1),
        max_pages=_int(data, "max_pages", 1000),
        next=_selectors(data, "next"),
        item=_selectors(data, "item"),
        link=_selectors(data, "link") or (compile_selector("a"),),
        fields=_fields(data, "listing.", body=False),
    )


def _fields(data: dict[str, Any], prefix: str, body: bool = True) -> Fields:
    if body:
        _known_keys(data, FIELD_KEYS, prefix)
    return Fields(
        title=_selectors(data, "title"),
        date=_selectors(data, "date"),
        date_format=_text(data, "date_format"),
        category=_selectors(data, "category"),
        body=_selectors(data, "body") if body else (),
    )


def _known_keys(data: dict[str, Any], known: frozenset[str], prefix: str) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown key {prefix}{unknown[0]} (known: {', '.join(sorted(known))})")


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"{key} must be a table ([{key}])")
    return value


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text")
    return value


def _int(data: dict[str, Any], key: str, default: int) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"{key} must be a whole number")
    return value


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def _selectors(data: dict[str, Any], key: str) -> tuple[Selector, ...]:
    return tuple(compile_selector(str(s)) for s in _list(data, key) if str(s).strip())
