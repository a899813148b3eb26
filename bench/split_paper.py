"""Time to split a 40-page letter (意见函) into clause-anchored segments (target under 2 s).

The letter is the test letters (testkit/letters.py) written again and again, each heading on a
new page, as DOCX; LibreOffice, when present, prints it to PDF, and the page count is that
PDF's. Each figure is the median of a few splits (after one warm-up), in seconds, reading
the demo draft's clauses. Prints the figures last, as one JSON line.
"""

import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader  # noqa: E402

from app.feedback.papers import split_paper  # noqa: E402
from app.legaltext import CitationIndex, parse  # noqa: E402
from bench._common import median, timed  # noqa: E402
from testkit import letters  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "drafts" / "certified-personnel-r1.zh.md"
REPEAT = 8  # copies of the five letters: 40 pages (and a few more)
TARGET_S = 2.0


def _long_letter() -> list:
    return [line for letter in (*letters.LETTERS.values(), letters.HELD_OUT) for line in letter]


def _pdf(docx: bytes) -> bytes | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "letter.docx"
        source.write_bytes(docx)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        return (Path(folder) / "letter.pdf").read_bytes()


def _seconds(data: bytes, name: str, index, runs: int = 5) -> tuple[float, int]:
    segments = split_paper(data, name, index)  # warm-up
    return round(median(timed(lambda: split_paper(data, name, index), runs)), 4), len(segments)


def main() -> None:
    index = CitationIndex(parse(DEMO.read_text(encoding="utf-8")).clauses)
    letter = _long_letter()
    docx = letters.letter_docx(letter, repeat=REPEAT, page_breaks=True)
    text = (letters.letter_text(letter) * REPEAT).encode("utf-8")
    figures: dict = {"target_s": TARGET_S}
    figures["docx_split_s"], figures["segments"] = _seconds(docx, "letter.docx", index)
    figures["txt_split_s"], _ = _seconds(text, "letter.txt", index)
    pdf = _pdf(docx)
    if pdf is None:
        print("soffice is absent: the PDF is not measured", file=sys.stderr)
        figures["pdf_pages"] = figures["pdf_split_s"] = None
    else:
        figures["pdf_pages"] = len(PdfReader(io.BytesIO(pdf)).pages)
        figures["pdf_split_s"], _ = _seconds(pdf, "letter.pdf", index)
    print(
        f"{figures['segments']} segments; PDF of {figures['pdf_pages']} pages; target < "
        f"{TARGET_S} s",
        file=sys.stderr,
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
