"""The timeline chart's layout: bar geometry, labels and links, for web/templates/_timeline.html.

Layout only: the periods and counts come from search/timeline.py (through
Results.timeline, as /api/search shows them), the markup is the template's.
Coordinates are in the SVG's own units (its viewBox); the stylesheet
stretches it to the width of the results. Time runs left to right, oldest
first, in both interface languages: the chart is the same picture in both,
as the dates and numbers in Arabic text also run left to right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from search.results import Results
from search.timeline import STACKED, Bar, Timeline
from web import i18n
from web.params import WEB_NAMES, SearchParams

SLOT = 10.0  # width of each period's slot
GAP = 2.0  # between two bars
HEIGHT = 60.0  # of the tallest bar
MIN_HEIGHT = 1.5  # a period with any match stays visible next to one with thousands


@dataclass(frozen=True)
class Segment:
    language: str  # "ar", "en", "other": its colour (style.css)
    y: float
    height: float


@dataclass(frozen=True)
class ChartBar:
    period: str
    label: str  # "December 2025" / "ديسمبر 2025"
    title: str  # the tooltip and the link's name: "December 2025: 9 Arabic, 8 English"
    counts: Mapping[str, int]
    total: int
    x: float  # left edge of the slot
    width: float  # of the slot (the whole slot is the link)
    bar_x: float
    bar_width: float
    segments: list[Segment]
    href: str | None  # None for a period without matches: nothing to narrow to


@dataclass(frozen=True)
class Chart:
    unit: str
    width: float
    height: float
    bars: list[ChartBar]
    title: str  # "Results per month"
    summary: str  # the chart in one sentence, for screen readers
    first: str  # labels of the two ends
    last: str
    undated: int  # matches without a date, not in the chart
    others: bool  # whether any period has articles in neither Arabic nor English


def chart(timeline: Timeline, ui: str, link: Callable[[Mapping[str, str]], str], undated: int = 0) -> Chart:
    """The chart of `timeline` in the interface language `ui`; `link` makes the href of a
    bar's filter (Engine.search names: month, since, until)."""
    peak = max(bar.total for bar in timeline.bars)
    bars = [
        _chart_bar(number, bar, timeline.unit, peak, ui, link) for number, bar in enumerate(timeline.bars)
    ]
    busiest = max(bars, key=lambda bar: bar.total)  # the first of equals: the oldest
    summary = i18n.translate(
        ui,
        "timeline_summary",
        count=timeline.total,
        first=bars[0].label,
        last=bars[-1].label,
        peak=busiest.label,
        peak_count=busiest.total,
    )
    return Chart(
        unit=timeline.unit,
        width=SLOT * len(bars),
        height=HEIGHT,
        bars=bars,
        title=i18n.translate(ui, f"timeline_title_{timeline.unit}"),
        summary=summary,
        first=bars[0].label,
        last=bars[-1].label,
        undated=undated,
        others=any(bar.counts.get("other") for bar in bars),
    )


def _chart_bar(
    number: int, bar: Bar, unit: str, peak: int, ui: str, link: Callable[[Mapping[str, str]], str]
) -> ChartBar:
    label = i18n.format_period(unit, bar.period, ui)
    segments = []
    top = HEIGHT
    if bar.total:
        # The bar's height is its share of the tallest; its languages split it in proportion.
        height = max(HEIGHT * bar.total / peak, MIN_HEIGHT)
        for language in STACKED:  # bottom to top
            count = bar.counts.get(language, 0)
            if count:
                part = height * count / bar.total
                top -= part
                segments.append(Segment(language, round(top, 3), round(part, 3)))
    title = i18n.translate(
        ui, "timeline_bar", period=label, ar=bar.counts.get("ar", 0), en=bar.counts.get("en", 0)
    )
    if bar.counts.get("other"):
        title += i18n.translate(ui, "timeline_bar_other", other=bar.counts["other"])
    return ChartBar(
        period=bar.period,
        label=label,
        title=title,
        counts=bar.counts,
        total=bar.total,
        x=number * SLOT,
        width=SLOT,
        bar_x=number * SLOT + GAP / 2,
        bar_width=SLOT - GAP,
        segments=segments,
        href=link(bar.filter) if bar.total else None,
    )


def timeline_chart(results: Results, params: SearchParams, ui: str) -> Chart | None:
    """The search page's chart: each bar links to this search narrowed to its period (the other
    parameters kept, back to page 1); None when the results have no timeline."""
    timeline = getattr(results, "timeline", None)
    if timeline is None:
        return None

    def link(narrowing: Mapping[str, str]) -> str:
        return params.link("/", **{WEB_NAMES.get(name, name): value for name, value in narrowing.items()})

    return chart(timeline, ui, link, undated=results.total - timeline.total)
