"""Selectors of listing profiles: CSS or XPath, compiled once, run on lxml trees.

A selector that starts with ``/``, ``./`` or ``(`` is XPath (it may end in an
attribute, ``//a/@href``, or ``text()``); anything else is CSS (cssselect), which
may end in ``::attr(NAME)`` to take an attribute instead of the element. A field
may list several selectors: the first that finds anything wins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pressdesk.readers.markup import element_text

Found = list[Any]  # elements, or strings (attributes, text nodes)
Selector = Callable[[Any], Found]

_XPATH_STARTS = ("/", "./", "(")


def compile_selector(text: str) -> Selector:
    """A function from an element to what ``text`` selects in it; ``ValueError`` names a
    selector that does not compile."""
    from lxml import etree

    try:
        if text.startswith(_XPATH_STARTS):
            return _as_list(etree.XPath(text))
        css, attribute = _split_attr(text)
        return _css(css, attribute)
    except (etree.XPathError, SyntaxError, ValueError) as err:
        raise ValueError(f"selector {text!r} does not compile: {err}") from err


def _as_list(xpath: Any) -> Selector:
    def run(element: Any) -> Found:
        found = xpath(element)
        return list(found) if isinstance(found, list) else [found]
    return run


def _split_attr(text: str) -> tuple[str, str | None]:
    if text.endswith(")") and "::attr(" in text:
        css, _, rest = text.rpartition("::attr(")
        return css.strip(), rest[:-1].strip()
    return text, None


def _css(css: str, attribute: str | None) -> Selector:
    from cssselect import GenericTranslator, SelectorError
    from lxml import etree

    try:
        xpath = etree.XPath(GenericTranslator().css_to_xpath(css, prefix="descendant-or-self::"))
    except SelectorError as err:
        raise ValueError(str(err)) from err

    def run(element: Any) -> Found:
        found = xpath(element)
        return [e.get(attribute) for e in found if e.get(attribute)] if attribute else list(found)
    return run


def select(element: Any, selectors: Sequence[Selector]) -> Found:
    """What the first selector that finds anything finds (empty if none does)."""
    for selector in selectors:
        found = selector(element)
        if found:
            return found
    return []


def short_text(found: Found) -> str:
    """The first match as one line: an element's text with runs of space collapsed."""
    for value in found:
        text = " ".join(_text(value).split())
        if text:
            return text
    return ""


def block_text(found: Found) -> str:
    """Every match as text, one line per block element, matches on lines of their own."""
    return "\n".join(t for t in (_block(v) for v in found) if t)


def link_of(value: Any) -> str:
    """A link from what a selector found: an element's href (else src), or a string."""
    if isinstance(value, str):
        return value.strip()
    return str(value.get("href") or value.get("src") or "").strip()


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value.text_content())


def _block(value: Any) -> str:
    return value.strip() if isinstance(value, str) else element_text(value)
