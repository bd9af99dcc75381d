"""The one fold every name key builds on: accents and case dropped.

Entity keys (``pressdesk.extract.keys``) and series keys (``pressdesk.series``)
both start here, so "Trần Quốc" and "tran quoc", or "Exportações" and
"exportacoes", meet wherever names are compared. Kept apart from the
extractors so that searching and charting need not load them.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "without_accents"]


def without_accents(text: str) -> str:
    """``text`` decomposed (NFKD) with its combining marks dropped: "Šefčovič" -> "Sefcovic"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` without accents or case, the base of every key: "Trần Quốc" -> "tran quoc"."""
    return without_accents(text).casefold()
