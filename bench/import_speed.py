"""Parse time of the largest corpus file (the criminal code) and of the demo draft.

Prints the figures last, as one JSON line: {"criminal_code_parse_s": …, "demo_parse_s": …}.
Each figure is the median of repeated parses (after one warm-up), in seconds. Target: the
criminal code under 0.5 s.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.legaltext import parse  # noqa: E402
from bench._common import median, timed  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CRIMINAL_CODE = ROOT.parent / "shared" / "corpus" / "law-criminal-code.md"
DEMO = ROOT / "drafts" / "certified-personnel-r1.zh.md"


def parse_seconds(path: Path, runs: int = 15) -> float:
    text = path.read_text(encoding="utf-8")
    parse(text)  # warm-up: regex compilation, imports
    return round(median(timed(lambda: parse(text), runs)), 4)


def main() -> None:
    figures = {"criminal_code_parse_s": None, "demo_parse_s": parse_seconds(DEMO)}
    if CRIMINAL_CODE.exists():
        figures["criminal_code_parse_s"] = parse_seconds(CRIMINAL_CODE)
        size = CRIMINAL_CODE.stat().st_size
        print(f"criminal code: {size} bytes, target < 0.5 s", file=sys.stderr)
    else:
        print(f"{CRIMINAL_CODE} is absent: criminal code not measured", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
