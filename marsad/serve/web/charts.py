"""Small charts drawn on the server as inline SVG: no JavaScript, no CDN, works offline and
in the static report alike.

Two pictures beat a table on a story page: how coverage rose and fell day by day, and which
outlets carried the story. Both are bar charts; labels are escaped because outlet names come
from the pages. Inline SVG in HTML needs no xmlns, so the markup holds no URL at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

BAR_COLOUR = "#2f6f8f"
AXIS_COLOUR = "#8a8a8a"
# Beyond this many days the bars get thinner than a finger on a phone; later days are kept.
MAX_DAYS = 60
# Beyond this many outlets the chart outgrows a phone screen; the biggest are kept.
MAX_OUTLETS = 12


def articles_per_day_svg(
    counts: Sequence[tuple[str, int]], *, width: int = 400, height: int = 150
) -> Markup:
    """Vertical bars, one per day. Time runs right to left, the way an Arabic page reads."""
    days = sorted(counts)[-MAX_DAYS:]
    if not days:
        return Markup("")
    top = max(n for _, n in days) or 1
    pad_top, pad_bottom = 20, 26
    plot_h = height - pad_top - pad_bottom
    slot = width / len(days)
    bar_w = max(2.0, slot * 0.7)
    parts = [_svg_open(width, height, f"عدد المقالات في اليوم، من {days[0][0]} إلى {days[-1][0]}")]
    parts.append(_line(0, height - pad_bottom, width, height - pad_bottom))
    label_every = max(1, len(days) // 6)  # about six date labels fit on a phone-width chart
    for i, (day, n) in enumerate(days):
        x = width - (i + 1) * slot + (slot - bar_w) / 2  # day 0 at the right edge
        h = plot_h * n / top
        y = height - pad_bottom - h
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
            f'fill="{BAR_COLOUR}"><title>{escape(day)}: {n}</title></rect>'
        )
        parts.append(_text(x + bar_w / 2, y - 4, str(n), anchor="middle", size=13))
        if i % label_every == 0 or i == len(days) - 1:
            parts.append(
                _text(x + bar_w / 2, height - 10, day[5:] or day, anchor="middle", size=12)
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def outlets_svg(counts: Sequence[tuple[str, int]], *, width: int = 400, row_h: int = 26) -> Markup:
    """Horizontal bars, one per outlet, growing from the right where its name stands."""
    rows = sorted(counts, key=lambda c: (-c[1], c[0]))[:MAX_OUTLETS]
    if not rows:
        return Markup("")
    top = max(n for _, n in rows) or 1
    label_w = width * 0.35
    plot_w = width - label_w - 30
    height = row_h * len(rows) + 6
    parts = [_svg_open(width, height, "عدد المقالات لكل منبر")]
    for i, (outlet, n) in enumerate(rows):
        y = 3 + i * row_h
        w = max(2.0, plot_w * n / top)
        x = width - label_w - w
        parts.append(_text(width - 4, y + row_h * 0.68, outlet, anchor="start", size=14))
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{y + 3:.1f}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{BAR_COLOUR}"><title>{escape(outlet)}: {n}</title></rect>'
        )
        parts.append(_text(x - 4, y + row_h * 0.68, str(n), anchor="start", size=13))
    parts.append("</svg>")
    return Markup("".join(parts))


def _svg_open(width: int, height: int, label: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'preserveAspectRatio="xMidYMid meet">'
    )


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{AXIS_COLOUR}" stroke-width="1"/>'
    )


def _text(x: float, y: float, text: str, *, anchor: str, size: int) -> str:
    # direction="rtl" makes text-anchor="start" mean the right edge, so Arabic labels
    # line up against the bars' right-hand origin.
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'direction="rtl">{escape(text)}</text>'
    )
