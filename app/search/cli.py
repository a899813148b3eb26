"""``flask search``: rebuild the index, or query it as the team's search does."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from app.search.whoosh_index import query, rebuild

search_cli = AppGroup("search", help="The full-text index of comments and clauses.")


@search_cli.command("rebuild")
@click.option("--procs", default=1, show_default=True, help="Indexing processes.")
def rebuild_command(procs: int) -> None:
    """Index every comment afresh from the database."""
    started = time.perf_counter()
    count = rebuild(procs=procs)
    click.echo(f"Indexed {count} comments in {time.perf_counter() - started:.1f} s.")


@search_cli.command("query")
@click.argument("text")
@click.option("--revision-id", type=int, required=True)
@click.option("--limit", type=int, default=None)
def query_command(text: str, revision_id: int, limit: int | None) -> None:
    """Print the ids of the comments matching TEXT, best first."""
    for comment_id in query(text, revision_id=revision_id, limit=limit):
        click.echo(comment_id)
