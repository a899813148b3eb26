"""`flask triage …`: the team's commands."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import AppGroup

from app.triage.similarity import THRESHOLD, TIERS, Item, Suggestion, suggest_groups

triage_cli = AppGroup("triage", help="The project team's tools.")


class InputError(Exception):
    """A line of the input file that is not a comment; the message names the line."""


def read_items(path: Path) -> list[Item]:
    """One comment per line, ``{"id": …, "clause": "art12.p2" or null, "text": …}``."""
    items: list[Item] = []
    seen: dict[object, int] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"line {number}: not valid JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise InputError(f"line {number}: expected a JSON object")
            ident = record.get("id")
            # bool is an int in Python, but true/false is never a comment's id
            if isinstance(ident, bool) or not isinstance(ident, int | str) or ident == "":
                raise InputError(f'line {number}: "id" must be an integer or a non-empty string')
            clause = record.get("clause")
            if clause is not None and not isinstance(clause, str):
                raise InputError(f'line {number}: "clause" must be a string or null')
            text = record.get("text")
            if not isinstance(text, str):
                raise InputError(f'line {number}: "text" must be a string')
            if ident in seen:
                raise InputError(
                    f"line {number}: duplicate id {ident!r} (first on line {seen[ident]})"
                )
            seen[ident] = number
            items.append(Item(id=ident, clause=clause, text=text))
    return items


def _as_json(suggestions: list[Suggestion]) -> str:
    groups = [
        {"ids": s.ids, "similarity": s.similarity, "clause": s.clause, "tier": s.tier}
        for s in suggestions
    ]
    return json.dumps({"groups": groups}, ensure_ascii=False)


def _as_table(suggestions: list[Suggestion], total: int) -> str:
    lines = [f"{len(suggestions)} suggested groups from {total} comments"]
    for number, s in enumerate(suggestions, start=1):
        clause = s.clause or "(across clauses)"
        lines.append(
            f"{number:>4}  {len(s.ids):>4} comments  similarity {s.similarity:.3f}  {clause}"
            f"  {s.tier}"
        )
        lines.append("      ids: " + ", ".join(str(ident) for ident in s.ids))
    return "\n".join(lines)


@triage_cli.command("suggest-groups")
@click.option(
    "--input",
    "input_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='JSON lines: {"id": …, "clause": "art12.p2" or null, "text": …}.',
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option(
    "--scope",
    type=click.Choice(["clause", "draft"]),
    default="clause",
    show_default=True,
    help="Group only within a clause, or across the whole draft.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=THRESHOLD,
    show_default=True,
    help="Copies tier: similarity a comment needs with its group's central comment.",
)
@click.option(
    "--point-threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=None,
    help="Same-point tier: mean cosine similarity two clusters need to join "
    "(default: the measured one).",
)
@click.option(
    "--tier",
    "tier",
    type=click.Choice(["all", *TIERS]),
    default="all",
    show_default=True,
    help="Both tiers, or only copies (same words), or only same_point (same point, other "
    "words; alone, it also groups what the copies tier would have).",
)
def suggest_groups_command(
    input_path: Path,
    as_json: bool,
    scope: str,
    threshold: float,
    point_threshold: float | None,
    tier: str,
):
    """Suggest groups of comments (归并建议): copies, then comments making the same point.
    No database is used."""
    try:
        items = read_items(input_path)
    except InputError as error:
        click.echo(f"Error: {input_path}: {error}", err=True)
        raise click.exceptions.Exit(2) from None
    except UnicodeDecodeError:
        click.echo(f"Error: {input_path}: not UTF-8 text", err=True)
        raise click.exceptions.Exit(2) from None
    tiers = TIERS if tier == "all" else (tier,)
    suggestions = suggest_groups(
        items, scope=scope, threshold=threshold, tiers=tiers, point_threshold=point_threshold
    )
    click.echo(_as_json(suggestions) if as_json else _as_table(suggestions, len(items)))
