"""A PDF page's lines rebuilt from its text runs and their positions.

pypdf's own text follows the content stream, and LibreOffice (like other producers) draws
curly quotes in another font as runs of their own: the line comes out as “ ” “ ”中的 三年
修改为 两年, a space left where each quote was. Laid out by position instead, each line is
its runs left to right; a wide gap between runs is a column break (a table's cells, written
as a tab); quote runs fill the gaps left for them, in order, within their cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = set("“”‘’\"'")
_GAP = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")
_FONT_SWITCH = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[\u3000-\u9fff\uff00-\uffef])"
)


@dataclass(frozen=True, slots=True)
class Run:
    x: float
    y: float
    size: float
    text: str

    @property
    def end(self) -> float:
        return self.x + self.size * _width(self.text)


def _width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def page_runs(page) -> list[Run]:
    runs: list[Run] = []

    def visit(text, cm, tm, _font, size):
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or 1.0
        for piece in text.split("\n"):
            if piece.strip():
                runs.append(Run(x, y, (size or 10) * scale, piece))

    page.extract_text(visitor_text=visit)
    return runs


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line: its cells (one for prose), each where it starts and what it says."""

    cells: tuple[tuple[float, str], ...]

    @property
    def text(self) -> str:
        return " ".join(text for _, text in self.cells)


def page_lines(page) -> list[Line]:
    """The page's lines, top to bottom."""
    runs = page_runs(page)
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x)):
        if lines and abs(lines[-1][0].y - run.y) <= max(2.0, run.size * 0.3):
            lines[-1].append(run)
        else:
            lines.append([run])
    return [_line(sorted(line, key=lambda r: r.x)) for line in lines]


def _line(runs: list[Run]) -> Line:
    cells: list[list[Run]] = []
    for run in runs:
        quote = set(run.text.replace(" ", "")) <= _QUOTES
        if cells and not quote:
            last = max(cells[-1], key=lambda r: r.end if not _is_quote(r) else 0)
            if run.x - last.end > 0.9 * run.size:
                cells.append([run])
                continue
        if not cells:
            cells.append([run])
        else:
            cells[-1].append(run)
    return Line(tuple((cell[0].x, _cell(cell)) for cell in cells))


def _is_quote(run: Run) -> bool:
    return set(run.text.replace(" ", "")) <= _QUOTES


def _cell(runs: list[Run]) -> str:
    quotes = [ch for run in runs if _is_quote(run) for ch in run.text if ch in _QUOTES]
    words = [run for run in runs if not _is_quote(run)]
    text = ""
    for run in words:
        if text and run.x - _end_of(words, run) > 0.2 * run.size and not text.endswith(" "):
            text += " "
        text += run.text
    text = _FONT_SWITCH.sub("", text)
    if quotes:
        gaps = list(_GAP.finditer(text))
        if len(gaps) >= len(quotes):
            out, last = [], 0
            for gap, quote in zip(gaps, quotes, strict=False):
                out += [text[last : gap.start()], quote]
                last = gap.end()
            text = "".join(out) + text[last:]
        elif not text:
            text = "".join(quotes)
    return text


def _end_of(words: list[Run], run: Run) -> float:
    before = [w for w in words if w.x < run.x]
    return max((w.end for w in before), default=run.x)
