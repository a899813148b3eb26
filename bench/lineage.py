"""Aligning the criminal code (505 articles) with a revision of it whose answer is known.

testkit/revised_law.py builds the revision (seeded, deterministic): 20 articles inserted, 10 deleted,
10 rewritten, 5 split, 5 merged, every article numbered afresh. `align` is timed on the two
parsed texts (all levels, as the app runs it; the median of 5 runs after a warm-up).

How links are compared: at article level (articles, annexes, preambles), a link is the triple
(from key, to key, kind) — a split is one triple per new article, a merge one per old article,
new and deleted have None on the missing side. Precision is the share of the aligner's article
triples that are in the known answer, recall the share of the known answer's triples the
aligner found; a pair found with the wrong kind counts as wrong on both sides.

Prints the figures last, as one JSON line: {"align_s": …, "precision": …, "recall": …}.
Targets: under 2 s, F1 ≥ 0.98. `--seeds N` also prints the figures of seeds 1…N (stderr).
The corpus is ../shared/corpus beside the project, or $ZQ_CORPUS_DIR.
"""

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.legaltext import parse  # noqa: E402
from app.legaltext.alignment import ARTICLE_KINDS, align  # noqa: E402
from bench._common import median, timed  # noqa: E402
from testkit.revised_law import revise  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ZQ_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")
CRIMINAL_CODE = CORPUS / "law-criminal-code.md"


def measure(text: str, seed: int, runs: int = 5) -> dict:
    revision = revise(text, seed=seed)
    old, new = parse(text), parse(revision.text)
    align(old.clauses, new.clauses)  # warm-up
    seconds = median(timed(lambda: align(old.clauses, new.clauses), runs))
    links = align(old.clauses, new.clauses)
    top = {c.key for c in old.clauses + new.clauses if c.kind in ARTICLE_KINDS}
    found = {
        (link.from_key, link.to_key, link.kind)
        for link in links
        if (link.from_key or link.to_key) in top
    }
    expected = set(revision.expected)
    right = len(found & expected)
    for wrong in sorted(found - expected, key=str):
        print(f"  seed {seed}: not in the answer {wrong}", file=sys.stderr)
    for missed in sorted(expected - found, key=str):
        print(f"  seed {seed}: missed {missed}", file=sys.stderr)
    return {
        "align_s": round(seconds, 4),
        "precision": round(right / len(found), 4),
        "recall": round(right / len(expected), 4),
        "articles": (
            len([c for c in old.clauses if c.kind == "article"]),
            len([c for c in new.clauses if c.kind == "article"]),
        ),
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    options.add_argument("--seed", type=int, default=13)
    options.add_argument("--seeds", type=int, default=0, help="also measure seeds 1…N")
    arguments = options.parse_args()
    if not CRIMINAL_CODE.exists():
        print(f"{CRIMINAL_CODE} is absent: nothing to measure", file=sys.stderr)
        print(json.dumps({"align_s": None, "precision": None, "recall": None}))
        return
    text = CRIMINAL_CODE.read_text(encoding="utf-8")
    for seed in range(1, arguments.seeds + 1):
        print(f"seed {seed}: {measure(text, seed)}", file=sys.stderr)
    figures = measure(text, arguments.seed)
    old_count, new_count = figures.pop("articles")
    f1 = 2 * figures["precision"] * figures["recall"] / (figures["precision"] + figures["recall"])
    print(
        f"criminal code: {old_count} articles against {new_count} (seed {arguments.seed}); "
        f"F1 {f1:.4f}; targets: under 2 s, F1 ≥ 0.98",
        file=sys.stderr,
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
