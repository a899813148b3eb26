"""`flask comments split-paper FILE --measure SLUG --revision N [--json]`: a unit's letter
(意见函) cut into its points, each with the clause it cites, for scripts and checks. It reads
the revision's clauses and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from app.core.refusal import Refused
from app.feedback.splitting import split_letter
from app.measures.loaders import find_revision

comments_cli = AppGroup("comments", help="Comments (意见): tools for the project team.")


@comments_cli.command("split-paper")
@click.argument(
    "path", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--measure", "slug", required=True, help="The measure's slug.")
@click.option("--revision", "number", type=int, required=True, help="The revision number.")
@click.option("--json", "as_json", is_flag=True, help="Print the suggestions as JSON.")
def split_paper_command(path: Path, slug: str, number: int, as_json: bool):
    """Split FILE (DOCX, PDF or text) into suggested comments, one per point, in order."""
    revision = find_revision(slug, number)
    max_bytes = current_app.config["ATTACHMENT_MAX_BYTES"]
    with force_locale("en"):
        try:
            segments = split_letter(revision, path.read_bytes(), path.name, max_bytes=max_bytes)
        except Refused as refused:
            raise click.ClickException(str(refused.message)) from None
    if as_json:
        report = {"suggestions": [segment.as_json() for segment in segments]}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for segment in segments:
        click.echo(f"{segment.clause or '-'}\t{segment.text.replace(chr(10), ' / ')}")
