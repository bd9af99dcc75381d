"""Collecting on a schedule: ``pressdesk collect --every 1h`` runs until stopped."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``1h``, ``1d`` or a bare number of seconds, ``1h30m``
    included; ``ValueError`` for anything else or for no time at all."""
    cleaned = text.strip().lower()
    parts = _INTERVAL.findall(cleaned)
    if not parts or "".join(n + u for n, u in parts) != cleaned.replace(" ", ""):
        raise ValueError(f"{text!r} is no interval (say 30s, 15m, 1h or 1d)")
    seconds = sum(float(n) * _UNITS[u or "s"] for n, u in parts)
    if seconds <= 0:
        raise ValueError(f"{text!r} is no interval: it must be longer than nothing")
    return seconds


def run_every(
    task: Callable[[], object], every: float, stop: threading.Event,
    *, clock: Callable[[], float] = time.monotonic,
) -> int:
    """Run ``task`` now and then every ``every`` seconds from the start of the last run
    (at once if it ran longer), until ``stop`` is set; returns how many runs there were."""
    runs = 0
    while not stop.is_set():
        started = clock()
        task()
        runs += 1
        stop.wait(max(0.0, started + every - clock()))
    return runs
