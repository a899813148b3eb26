"""Grouping suggestions: time over generated comments, precision and recall on the labelled set.

Used by bench/triage.py; runs on its own too: `.venv/bin/python -m bench._grouping`."""

from __future__ import annotations

import json
import random
import time

from app.demo.content import CLOSERS, OPENERS, TOPICS, UNITS
from app.triage.similarity import Item, suggest_groups
from testkit.labelled_set import CAMPAIGNS, PARAPHRASES, build_labelled_set, precision_recall
from testkit.paraphrase_set import build_paraphrase_set, score

ARTICLES = 60
OPENING = [opener for openers in OPENERS.values() for opener in openers]
UNIT_NAMES = [name for _key, name, _category, _region in UNITS]
SENTENCES = sorted(
    {part + "。" for topic in TOPICS for part in topic.body.split("。") if len(part) > 8}
)


def _clause(rng: random.Random) -> str | None:
    if rng.random() < 0.05:
        return None
    article = min(ARTICLES, int(rng.paretovariate(0.9)))  # a few articles draw most comments
    return f"art{article}.p{rng.randint(1, 3)}"


def synthetic_comments(n: int, seed: int = 1) -> list[Item]:
    """``n`` comments over a 60-article draft: about 40% a demo point with varied openings,
    15% template campaigns, 10% paraphrases, 5% exact resubmissions, the rest stand alone."""
    rng = random.Random(seed)
    # Each point and campaign lives on one clause, as it would in a real consultation.
    points = [(_clause(rng), topic.body) for topic in TOPICS]
    campaigns = [(_clause(rng), slots) for _clause_key, _count, slots in CAMPAIGNS]
    campaigns += [(_clause(rng), slots) for _clause_key, slots in PARAPHRASES]
    items: list[Item] = []
    for number in range(n):
        roll = rng.random()
        if roll < 0.40:
            clause, body = rng.choice(points)
            text = rng.choice(OPENING) + body + rng.choice(CLOSERS)
        elif roll < 0.65:
            clause, slots = rng.choice(campaigns)
            text = "".join(rng.choice(slot) for slot in slots).replace(
                "{unit}", rng.choice(UNIT_NAMES)
            )
        elif roll < 0.70 and items:
            earlier = rng.choice(items)
            clause, text = earlier.clause, earlier.text
        else:
            clause = _clause(rng)
            text = "".join(rng.sample(SENTENCES, rng.randint(1, 3)))
            text += f"（第{rng.randint(1, 999)}号意见，{rng.choice(UNIT_NAMES)}）"
        items.append(Item(id=number + 1, clause=clause, text=text))
    return items


def _time_grouping(n: int) -> tuple[float, float]:
    """Seconds for both tiers, and for the same-point tier alone on what the copies tier left."""
    items = synthetic_comments(n, seed=n)
    start = time.perf_counter()
    found = suggest_groups(items, scope="clause")
    both = time.perf_counter() - start
    copied = {ident for s in found if s.tier == "copies" for ident in s.ids}
    rest = [item for item in items if item.id not in copied]
    start = time.perf_counter()
    suggest_groups(rest, scope="clause", tiers=("same_point",))
    return both, time.perf_counter() - start


def measure_grouping() -> dict:
    """Seconds to suggest groups (both tiers) for 10,000 and 50,000 comments and the second
    tier's share; precision and recall on the labelled set (testkit/labelled_set.py) and, per
    tier and combined, on the hand-written paraphrase set (testkit/paraphrase_set.py)."""
    labelled = build_labelled_set()
    precision, recall = precision_recall(
        suggest_groups([item for item, _label in labelled], scope="clause"), labelled
    )
    paraphrases = build_paraphrase_set()
    found = suggest_groups([item for item, _label in paraphrases], scope="clause")
    figures = {}
    for name, tier in (
        ("paraphrase_set", None),
        ("copies", "copies"),
        ("same_point", "same_point"),
    ):
        p, r = score(found, paraphrases, tier=tier, scope="clause")
        figures[f"{name}_precision"], figures[f"{name}_recall"] = round(p, 3), round(r, 3)
    both_10k, points_10k = _time_grouping(10_000)
    both_50k, points_50k = _time_grouping(50_000)
    return {
        "grouping_10k_s": round(both_10k, 2),
        "grouping_50k_s": round(both_50k, 2),
        "same_point_10k_s": round(points_10k, 2),
        "same_point_50k_s": round(points_50k, 2),
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        **figures,
    }


if __name__ == "__main__":
    print(json.dumps(measure_grouping()))
