"""`flask forms import FILE --measure SLUG --revision N [--dry-run] [--json]`: a returned
feedback form from the command line, for scripts and checks.

With --dry-run it prints each row with the clause key it resolves to, or why it does not,
and changes nothing. Without it, the rows are imported as the team's import page does
(all or nothing), on behalf of the team member named by --as.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from sqlalchemy import select

from app.accounts.models import User
from app.core.extensions import db
from app.core.refusal import Refused
from app.core.timeutil import to_local, utcnow, zone
from app.feedback.importing import CommitChoices, Preview, commit_import, preview_file, upload_form
from app.measures.loaders import find_revision
from app.triage.entry import NewUnit
from app.triage.rules import can_triage

forms_cli = AppGroup("forms", help="Returned feedback forms (意见反馈表).")


def _report(path: Path, preview: Preview) -> dict:
    form = preview.form
    return {
        "file": str(path),
        "kind": form.kind,
        "layout": form.layout,
        "identifier": form.identifier,
        "unit": form.unit,
        "contact": form.contact,
        "rows": [
            {
                "line": item.row.line,
                "where": item.row.where,
                "citation": item.row.citation,
                "status": item.status,
                "key": item.resolution.key,
                "candidates": list(item.resolution.candidates),
                "reason": item.problem or item.resolution.reason,
                "body": item.row.body,
            }
            for item in preview.rows
        ],
        "counts": dict(preview.counts),
    }


@forms_cli.command("import")
@click.argument(
    "path", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--measure", "slug", required=True, help="The measure's slug.")
@click.option("--revision", "number", type=int, required=True, help="The revision number.")
@click.option("--dry-run", is_flag=True, help="Show how each row resolves; change nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--as", "actor_email", help="The team member the import is recorded for.")
@click.option("--unit", "unit_name", default="", help="The sending unit (else: as on the form).")
def import_form(path: Path, slug, number, dry_run, as_json, actor_email, unit_name):
    """Read FILE (DOCX or XLSX) and resolve each row's clause; import unless --dry-run."""
    revision = find_revision(slug, number)
    data = path.read_bytes()
    max_bytes = current_app.config["FORM_IMPORT_MAX_BYTES"]
    with force_locale("en"):  # the command line speaks English, like its --help
        try:
            preview = preview_file(revision, data, path.name, max_bytes=max_bytes)
        except Refused as refused:
            raise click.ClickException(str(refused.message)) from None
        report = _report(path, preview)
        if not dry_run:
            report["imported"] = _commit(revision, path, data, preview, actor_email, unit_name)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    for row in report["rows"]:
        resolved = row["key"] or row["reason"]
        click.echo(f"{row['where'] or row['line']}\t{row['status']}\t{row['citation']}\t{resolved}")
    if "imported" in report:
        click.echo(f"imported {len(report['imported'])} comments")


def _commit(revision, path, data, preview, actor_email, unit_name) -> list[str]:
    actor = db.session.scalar(select(User).filter_by(email=(actor_email or "").strip().lower()))
    if actor is None or not can_triage(actor):
        raise click.ClickException("--as must name a team member's (or admin's) e-mail")
    now = utcnow()
    max_bytes = current_app.config["FORM_IMPORT_MAX_BYTES"]
    unit = unit_name or preview.form.unit
    try:
        form_import = upload_form(
            revision=revision, filename=path.name, data=data, actor=actor, now=now,
            max_bytes=max_bytes,
        )  # fmt: skip
        comments = commit_import(
            form_import=form_import,
            choices=CommitChoices(
                author_name=preview.form.contact or unit or actor.name,
                received_on=to_local(now, zone()).date(),
                new_unit=NewUnit(name=unit) if unit else None,
            ),
            actor=actor,
            tz=zone(),
            now=now,
            max_bytes=max_bytes,
        )
        db.session.commit()
    except Refused as refused:
        db.session.rollback()
        raise click.ClickException(str(refused.message)) from None
    return [comment.receipt for comment in comments]
