"""The project team's workbench at scale: the queue page over 10,000 comments of a 60-article
draft, full-text search over 100,000 comments, and grouping suggestions for 10,000 and 50,000
comments with their precision and recall on the labelled set the tests build.

Targets: queue p50 under 150 ms, search p50 under 100 ms, grouping of 10,000 under 20 s and
growing near-linearly (the 50,000 figure is printed beside the 10,000 one, and their ratio).
Grouping has two tiers (copies, same point); the times are of both, the same_point_* times the
second tier's alone (on what the copies tier left), and precision/recall are given on both
labelled sets (the paraphrase set's per tier and combined). Prints last: {"queue_p50_ms": …, "queue_p95_ms": …, "search_p50_ms": …,
"grouping_10k_s": …, "grouping_50k_s": …, "precision": …, "recall": …, "same_point_10k_s": …,
"same_point_50k_s": …, "paraphrase_set_precision": …, "paraphrase_set_recall": …,
"copies_precision": …, "copies_recall": …, "same_point_precision": …, "same_point_recall": …}.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._grouping import measure_grouping  # noqa: E402
from bench._queue import measure_queue  # noqa: E402
from bench._search import measure_search  # noqa: E402


def main() -> None:
    queue = measure_queue()
    print(f"queue: {queue}", file=sys.stderr)
    search = measure_search()
    print(f"search: {search}", file=sys.stderr)
    grouping = measure_grouping()
    print(
        f"grouping: {grouping}; 50k/10k time ratio "
        f"{grouping['grouping_50k_s'] / grouping['grouping_10k_s']:.2f} (5.00 is linear)",
        file=sys.stderr,
    )
    print(
        json.dumps(
            {
                "queue_p50_ms": queue["queue_p50_ms"],
                "queue_p95_ms": queue["queue_p95_ms"],
                "search_p50_ms": search["search_p50_ms"],
                "grouping_10k_s": grouping["grouping_10k_s"],
                "grouping_50k_s": grouping["grouping_50k_s"],
                "precision": grouping["precision"],
                "recall": grouping["recall"],
                **{
                    key: value
                    for key, value in grouping.items()
                    if key.startswith(("same_point_", "paraphrase_set_", "copies_"))
                },
            }
        )
    )


if __name__ == "__main__":
    main()
