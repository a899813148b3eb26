"""Aligning real revisions: amended Shanghai regulations, the demo's 第二稿 and a restructured
pair of our own, whose links were written down by hand (tests/legaltext/alignment_data/),
measured for precision and recall; generated revisions of other real laws; the criminal code
for speed."""

import dataclasses
import json
import time
from pathlib import Path

import pytest

from app.legaltext import parse, parse_file
from app.legaltext.alignment import ARTICLE_KINDS, align
from testkit.revised_law import revise

from .corpus import CORPUS, require

DATA = Path(__file__).resolve().parent / "alignment_data"
DRAFTS = Path(__file__).resolve().parents[2] / "drafts"


# -- real revisions, links written down by hand ----------------------------------------------


def measured(expected: list[tuple], found: list[tuple], unsure: set[str]) -> tuple[float, float]:
    """Precision and recall of ``found`` over ``expected`` (triples from, to, kind); found
    links that touch none of the expected keys (finer rows not written down) or touch an
    unsure key are left out."""
    old_keys = {link[0] for link in expected} - {None}
    new_keys = {link[1] for link in expected} - {None}
    found = {
        link
        for link in found
        if (link[0] in old_keys or link[1] in new_keys) and not ({link[0], link[1]} & unsure)
    }
    expected = set(expected)
    right = len(found & expected)
    return right / max(len(found), 1), right / max(len(expected), 1)


def hand_links(name: str) -> dict:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    data["articles"] = [tuple(link) for link in data["articles"]]
    data["finer"] = [tuple(link) for link in data["finer"]]
    return data


PAIRS = {
    # name: (folder, least article precision/recall, least finer precision/recall)
    "filing-review.json": ("corpus", 1.0, 1.0),
    "social-assistance.json": ("corpus", 1.0, 1.0),
    "inspection-testing.json": ("corpus", 1.0, 1.0),
    "ebike.json": ("here", 1.0, 1.0),
    "demo-second-draft.json": ("drafts", 1.0, 1.0),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_real_revisions_are_aligned_as_written_down_by_hand(name, capsys):
    folder, least_articles, least_finer = PAIRS[name]
    data = hand_links(name)
    if folder == "corpus":
        require(f"revisions/{data['old']}")
        where = CORPUS / "revisions"
    else:
        where = DRAFTS if folder == "drafts" else DATA
    old, new = parse_file(where / data["old"]), parse_file(where / data["new"])
    old_keys, new_keys = set(old.by_key()), set(new.by_key())
    for link in data["articles"] + data["finer"]:  # the hand links name real clauses
        assert link[0] in old_keys | {None} and link[1] in new_keys | {None}, link

    found = [(k.from_key, k.to_key, k.kind) for k in align(old.clauses, new.clauses)]
    top = {c.key for c in old.clauses + new.clauses if c.kind in ARTICLE_KINDS}
    found_articles = [link for link in found if (link[0] or link[1]) in top]
    unsure = set(data["unsure"])
    articles = measured(data["articles"], found_articles, unsure)
    finer = measured(data["finer"], [link for link in found if link not in found_articles], unsure)
    with capsys.disabled():
        print(
            f"\n{name}: articles P {articles[0]:.3f} R {articles[1]:.3f}"
            f" ({len(data['articles'])} hand links); finer P {finer[0]:.3f} R {finer[1]:.3f}"
            f" ({len(data['finer'])} hand links)"
        )
    # Article level is complete: every article of both texts has its hand link.
    assert {link[0] for link in data["articles"]} - {None} == {
        c.key for c in old.clauses if c.kind in ARTICLE_KINDS
    }
    assert min(articles) >= least_articles
    assert min(finer) >= least_finer


# -- generated revisions of other real laws -------------------------------------------------

REVISED = (
    "law-administrative-reconsideration-2023.md",
    "local-shenzhen-real-estate-registration-2021.md",
    "mps-vehicle-registration-2021.md",
    "samr-medical-device-registration-2021.md",
)


@pytest.mark.parametrize("name", REVISED)
def test_generated_revisions_of_other_laws_are_aligned_as_built(name, capsys):
    """testkit/revised_law.py inserts, deletes, rewrites, splits and merges, and renumbers."""
    require(name)
    text = (CORPUS / name).read_text(encoding="utf-8")
    right = found_count = expected_count = 0
    for seed in (1, 2, 3, 4, 5):
        revision = revise(text, seed=seed, inserted=6, deleted=4, rewritten=10, split=3, merged=3)
        old, new = parse(text), parse(revision.text)
        top = {c.key for c in old.clauses + new.clauses if c.kind in ARTICLE_KINDS}
        found = {
            (k.from_key, k.to_key, k.kind)
            for k in align(old.clauses, new.clauses)
            if (k.from_key or k.to_key) in top
        }
        right += len(found & set(revision.expected))
        found_count, expected_count = (
            found_count + len(found),
            expected_count + len(revision.expected),
        )
    precision, recall = right / found_count, right / expected_count
    with capsys.disabled():
        print(f"\n{name}, 5 generated revisions: P {precision:.4f} R {recall:.4f}")
    assert min(precision, recall) >= 0.99


# -- speed -----------------------------------------------------------------------------------


def test_the_criminal_code_against_a_reworked_copy_aligns_in_under_two_seconds():
    require("law-criminal-code.md")
    old = parse_file(CORPUS / "law-criminal-code.md").clauses
    articles = [c for c in old if c.kind == "article"]
    gone = {c.key for c in articles[10::50]}  # ten deleted, with all they hold
    reworded = {c.key for c in articles[25::50]}
    new = []
    for clause in old:
        top = clause.key.split(".")[0]
        if top in gone:
            continue
        if top in reworded:
            clause = dataclasses.replace(
                clause, text=clause.text.replace("的", "之") + "另行规定。"
            )
        # Renumbered throughout: a key of its own that no old clause has.
        new.append(
            dataclasses.replace(
                clause, key=f"r{clause.key}", parent=clause.parent and f"r{clause.parent}"
            )
        )

    start = time.perf_counter()
    links = align(old, new)
    seconds = time.perf_counter() - start

    kinds = {
        (link.from_key, link.kind) for link in links if link.from_key in {c.key for c in articles}
    }
    assert {key for key, kind in kinds if kind == "deleted"} == gone
    assert {key for key, kind in kinds if kind == "modified"} == reworded
    assert seconds < 2.0
