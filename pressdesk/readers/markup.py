"""HTML fragments (a feed entry's content) to plain text: one line per block, no markup.

The element tree is walked, not recursed, so no nesting is too deep for Python;
past libxml2's own limit of 256 levels (where it drops the deeper text) the tags
are stripped by a pattern instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

_HORIZONTAL_SPACE = re.compile(r"[ \t\r\f\v]+")
_TAG = re.compile(r"<[^<>]*>")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "section", "article"}
    | {f"h{level}" for level in range(1, 7)}
)
_HIDDEN_TAGS = frozenset({"script", "style", "template"})
_WALK_EVENTS = ("start", "end", "comment", "pi")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: one line per block, runs of spaces collapsed."""
    if "<" not in markup and "&" not in markup:
        return markup
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (ValueError, etree.LxmlError):
        return markup
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # nested past libxml2's 256 levels, which drops what is deeper: tags stripped instead
        text = html.unescape(_TAG.sub("\n", markup))
    else:
        return element_text(root)
    return _lines(text)


def element_text(element: Any) -> str:
    """Plain text of a parsed HTML element: one line per block, runs of spaces collapsed."""
    from lxml import etree

    return _lines("".join(_text_pieces(etree.iterwalk(element, events=_WALK_EVENTS), element)))


def _lines(text: str) -> str:
    lines = (_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_pieces(walk: Iterator[tuple[str, Any]], root: Any) -> Iterator[str]:
    """The text of a walked element in document order, a newline around every block
    element; walked, not recursed, so that no nesting is too deep."""
    hidden = 0  # how many hidden elements (scripts, styles) the walk is inside
    for event, element in walk:
        tag = element.tag if isinstance(element.tag, str) else ""  # comments have no name
        block = "\n" if tag in _BLOCK_TAGS else ""
        if not tag:  # a comment or processing instruction: only its tail is text
            yield "" if hidden else element.tail or ""
        elif event == "start":
            hidden += tag in _HIDDEN_TAGS
            yield "" if hidden else block + (element.text or "")
        else:
            yield "" if hidden else block
            hidden -= tag in _HIDDEN_TAGS
            yield "" if hidden or element is root else element.tail or ""
