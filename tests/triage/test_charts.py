"""The server-drawn SVG charts: well-formed, labelled, escaped, and safe with no data."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from app.triage.charts import (
    HEAT_PALETTE,
    bar_chart,
    heat_bounds,
    heat_colour,
    heat_legend,
    heat_level,
)

SVG = "{http://www.w3.org/2000/svg}"
CSS = Path(__file__).resolve().parents[2] / "static" / "triage.css"


def test_bar_chart_is_well_formed_svg_with_labels_values_and_tooltips():
    chart = bar_chart([("认证机构", 3), ("Online", 1)], title="Per channel")

    root = ET.fromstring(str(chart))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Per channel"
    assert root.get("viewBox") == "0 0 400 100"
    assert "width" not in root.attrib  # sized by its container, down to a 390 px phone
    assert [t.text for t in root.iter(f"{SVG}title")] == ["Per channel", "认证机构: 3", "Online: 1"]
    assert [t.text for t in root.iter(f"{SVG}text")] == ["认证机构", "3", "Online", "1"]
    widths = [int(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths == [340, 113]  # the largest value fills the room left for the figures
    assert " style=" not in str(chart)  # the CSP forbids inline styles


def test_bar_chart_escapes_labels_and_title():
    chart = str(bar_chart([("<script>alert(1)</script>", 2)], title='"a" & <b>'))

    assert "<script>" not in chart
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chart
    root = ET.fromstring(chart)
    assert root.get("aria-label") == '"a" & <b>'
    assert [t.text for t in root.iter(f"{SVG}text")] == ["<script>alert(1)</script>", "2"]


def test_bar_chart_of_nothing_or_zeros_draws_without_dividing_by_zero():
    empty = ET.fromstring(str(bar_chart([], title="Empty")))
    zeros = ET.fromstring(str(bar_chart([("A", 0), ("B", 0)], title="Zeros")))

    assert [t.text for t in empty.iter(f"{SVG}text")] == ["—"]
    assert [rect.get("width") for rect in zeros.iter(f"{SVG}rect")] == ["0", "0"]


def test_heat_levels_split_the_range_up_to_the_busiest_article():
    assert [heat_level(value, 10) for value in range(11)] == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert heat_level(0, 0) == 0
    assert heat_level(1, 1) == 5
    assert heat_colour(0, 0) == HEAT_PALETTE[0]
    assert heat_colour(10, 10) == HEAT_PALETTE[5]


def test_heat_bounds_name_exactly_the_values_of_each_level():
    for maximum in (1, 2, 3, 7, 10, 123):
        for level, low, high in heat_bounds(maximum):
            assert {heat_level(value, maximum) for value in range(low, high + 1)} == {level}
        covered = sum(high - low + 1 for _, low, high in heat_bounds(maximum))
        assert covered == maximum
    assert heat_bounds(0) == []
    assert heat_bounds(3) == [(2, 1, 1), (4, 2, 2), (5, 3, 3)]


def test_legend_names_each_range_in_text():
    root = ET.fromstring(str(heat_legend(10, title="Key", none_label="none")))

    assert root.get("aria-label") == "Key"
    assert [t.text for t in root.iter(f"{SVG}text")] == ["none", "1–2", "3–4", "5–6", "7–8", "9–10"]
    assert [r.get("fill") for r in root.iter(f"{SVG}rect")] == list(HEAT_PALETTE)


def test_the_stylesheet_shades_cells_with_the_palette_of_the_charts():
    css = CSS.read_text(encoding="utf-8")
    for level, colour in enumerate(HEAT_PALETTE):
        assert re.search(rf"\.heat--{level} {{ background: {colour};", css), level
