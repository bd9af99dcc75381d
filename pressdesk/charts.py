"""Charts: one indicator over time, drawn by matplotlib into a PNG or SVG file.

The values of the series' most common unit are a line over the periods (the
end of a month, quarter, half, year or range); a series written only as
changes is drawn as bars of those changes. Values given differently by two
releases are both drawn, the later hollow, and a note says so. A source line
names how many releases the points come from.
"""

from __future__ import annotations

import calendar
import io
import re
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from pressdesk.desk import SeriesPoint, SeriesView
from pressdesk.errors import PressdeskError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["FORMATS", "chart_bytes", "period_end"]

FORMATS = ("png", "svg")
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))
_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?(?:-(\d{2}))?$")


def period_end(period: str | None) -> date | None:
    """The last day a period covers: 2025-10 -> 2025-10-31, 2025-Q2 -> 2025-06-30; a range
    A/B ends where B ends; None for what is not a period."""
    if not period:
        return None
    found = _PERIOD.match(period.split("/")[-1])
    if found is None:
        return None
    year, month, quarter, half, day = found.groups()
    last_month = int(month) if month else 3 * int(quarter) if quarter else 6 * int(half) if half else 12
    if day:
        return date(int(year), last_month, int(day))
    return date(int(year), last_month, calendar.monthrange(int(year), last_month)[1])


def scale(values: list[float]) -> tuple[float, str]:
    """A divisor and its word for a readable axis: billions of won, millions of vehicles."""
    top = max((abs(v) for v in values), default=0.0)
    return next(((size, word) for size, word in SCALES if top >= size), (1.0, ""))


def chart_bytes(view: SeriesView, format: str = "png") -> bytes:
    """The chart of one series as PNG or SVG bytes."""
    if format not in FORMATS:
        raise PressdeskError(f"unknown chart format {format!r} (formats: {', '.join(FORMATS)})")
    from matplotlib.figure import Figure  # not pyplot: no global state, so threads may draw at once

    points = [p for p in view.points if period_end(p.figure.period) is not None]
    if not points:
        raise PressdeskError(f"no figure of {view.series.name!r} has a period to chart")
    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.subplots()
    valued = [p for p in points if p.figure.value is not None]
    if valued:
        draw_values(axes, valued)
    else:
        draw_changes(axes, points)
    axes.set_title(view.series.name)
    axes.set_xlabel("period")
    axes.grid(True, alpha=0.3)
    figure.autofmt_xdate()
    releases = len({p.figure.release_id for p in points})
    figure.text(0.01, 0.01, f"Source: {releases} release{'s' * (releases != 1)}, via pressdesk",
                fontsize=8, color="#555555")
    out = io.BytesIO()
    figure.savefig(out, format=format, bbox_inches="tight")
    return out.getvalue()


def x_of(point: SeriesPoint) -> float:
    """Where a point stands on a date axis: the end of its period."""
    from matplotlib.dates import date2num

    end = period_end(point.figure.period)
    assert end is not None  # points without a period are left out before drawing
    return float(date2num(end))  # type: ignore[no-untyped-call]  # matplotlib leaves it untyped


def in_order(points: list[SeriesPoint]) -> list[SeriesPoint]:
    return sorted(points, key=lambda p: (x_of(p), p.figure.release_date))


def draw_values(axes: Axes, points: list[SeriesPoint]) -> None:
    unit = Counter(p.figure.unit for p in points).most_common(1)[0][0]
    chosen = in_order([p for p in points if p.figure.unit == unit])
    divisor, word = scale([p.figure.value or 0.0 for p in chosen])
    xs = [x_of(p) for p in chosen]
    ys = [(p.figure.value or 0.0) / divisor for p in chosen]
    axes.xaxis_date()
    axes.plot(xs, ys, marker="o", color="#1f5f99")
    revised = [i for i, p in enumerate(chosen) if p.revised]
    if revised:
        axes.scatter([xs[i] for i in revised], [ys[i] for i in revised], s=90,
                     facecolors="none", edgecolors="#c0392b", label="revised: releases differ")
        axes.legend(loc="best", fontsize=8)
    label = " ".join(x for x in (unit if unit not in (None, "count") else "", word) if x)
    axes.set_ylabel(label or "value")


def draw_changes(axes: Axes, points: list[SeriesPoint]) -> None:
    chosen = in_order(points)
    xs = [x_of(p) for p in chosen]
    ys = [(p.figure.change or 0.0) * (-1 if p.figure.direction == "down" else 1) for p in chosen]
    axes.xaxis_date()
    axes.bar(xs, ys, width=20, color=["#2e7d32" if y >= 0 else "#c0392b" for y in ys])
    unit = Counter(p.figure.change_unit for p in chosen).most_common(1)[0][0] or "percent"
    axes.set_ylabel(f"change ({'percentage points' if unit == 'points' else '%'})")
