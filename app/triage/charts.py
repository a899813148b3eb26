"""Charts drawn on the server as inline SVG: they exist without JavaScript, print, and scale.

The strict CSP forbids ``style=`` attributes, so colours are SVG presentation attributes
(``fill="…"``) or CSS classes. Every label goes through ``markupsafe.escape``: a category or
channel label is data, and may hold any string.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Light to dark: level 0 is "no comments"; levels 1–5 split the range up to the maximum.
# static/triage.css repeats these colours for the heat map's HTML cells (.heat--N).
HEAT_PALETTE = ("#f3f4f6", "#dbeafe", "#93c5fd", "#3b82f6", "#1d4ed8", "#1e3a8a")
HEAT_LEVELS = len(HEAT_PALETTE) - 1
BAR_FILL = "#1d4ed8"

# The drawing's own coordinates; the browser scales them to the container (viewBox), so a
# chart of 400 units wide is legible at 390 px and capped by CSS on a wide screen.
WIDTH = 400
ROW = 44  # one row: the label on its own line, the bar and its value under it
TOP = 8


def heat_level(value: int, maximum: int) -> int:
    """0 for nothing, otherwise 1..HEAT_LEVELS in proportion to ``maximum`` (never divides by
    zero: with no comments at all every cell is level 0)."""
    if value <= 0 or maximum <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, -(-value * HEAT_LEVELS // maximum)))


def heat_colour(value: int, maximum: int) -> str:
    return HEAT_PALETTE[heat_level(value, maximum)]


def heat_bounds(maximum: int) -> list[tuple[int, int, int]]:
    """For the legend: (level, lowest, highest) count of each non-empty level."""
    bounds = []
    for level in range(1, HEAT_LEVELS + 1):
        low = (level - 1) * maximum // HEAT_LEVELS + 1
        high = level * maximum // HEAT_LEVELS
        if maximum > 0 and low <= high:
            bounds.append((level, low, high))
    return bounds


def bar_chart(rows: list[tuple[str, int]], *, title: str) -> Markup:
    """A horizontal bar chart, one row per (label, value), with the value written as text."""
    largest = max((value for _, value in rows), default=0)
    height = TOP + ROW * max(len(rows), 1) + 4
    title_text = escape(title)
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}"'
        f' role="img" aria-label="{title_text}" preserveAspectRatio="xMinYMin meet">',
        f"<title>{title_text}</title>",
    ]
    bar_room = WIDTH - 60  # what remains right of the longest bar for its value
    for index, (label, value) in enumerate(rows):
        y = TOP + index * ROW
        width = round(bar_room * value / largest) if largest else 0
        label_text = escape(str(label))
        parts.append(
            f'<g class="chart__row"><title>{label_text}: {value}</title>'
            f'<text class="chart__label" x="0" y="{y + 14}" font-size="15"'
            f' fill="#111827">{label_text}</text>'
            f'<rect class="chart__bar" x="0" y="{y + 20}" width="{width}" height="18"'
            f' fill="{BAR_FILL}"/>'
            f'<text class="chart__value" x="{width + 6}" y="{y + 35}" font-size="15"'
            f' fill="#111827">{value}</text></g>'
        )
    if not rows:
        parts.append(f'<text x="0" y="{TOP + 20}" font-size="15" fill="#4b5563">—</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def heat_legend(maximum: int, *, title: str, none_label: str) -> Markup:
    """The heat map's key: a swatch per level with the range of counts it stands for."""
    entries = [(HEAT_PALETTE[0], none_label)] + [
        (HEAT_PALETTE[level], str(low) if low == high else f"{low}–{high}")
        for level, low, high in heat_bounds(maximum)
    ]
    swatch = 18
    step = WIDTH // 6
    height = swatch + 28
    title_text = escape(title)
    parts = [
        f'<svg class="chart chart--legend" xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{title_text}">',
        f"<title>{title_text}</title>",
    ]
    for index, (colour, text) in enumerate(entries):
        x = index * step
        label = escape(text)
        parts.append(
            f"<g><title>{label}</title>"
            f'<rect x="{x}" y="2" width="{swatch}" height="{swatch}" fill="{colour}"'
            f' stroke="#6b7280" stroke-width="1"/>'
            f'<text x="{x}" y="{swatch + 20}" font-size="15" fill="#111827">{label}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
