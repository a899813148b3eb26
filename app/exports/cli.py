"""`flask export summary --measure SLUG --revision N --format xlsx --out FILE`: the summary
and handling table from the command line (for scheduled copies and checks). It is recorded
as a download like any other, for the user named by --as."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.accounts.models import User
from app.comments.rules import can_read_all_comments
from app.core.extensions import db
from app.core.timeutil import to_local, utcnow, zone
from app.exports.downloads import SUMMARY_FORMATS, record_download, summary_file
from app.exports.summary import LANGUAGES, SummaryOptions
from app.measures.loaders import find_revision

export_cli = AppGroup("export", help="A revision's outputs as files.")


@export_cli.command("summary")
@click.option("--measure", "slug", required=True, help="The measure's slug.")
@click.option("--revision", "number", type=int, required=True, help="The revision number.")
@click.option("--format", "fmt", type=click.Choice(sorted(SUMMARY_FORMATS)), default="xlsx")
@click.option("--lang", type=click.Choice(LANGUAGES), default="zh", help="The edition.")
@click.option("--answered-only", is_flag=True, help="Only comments with a reviewed answer.")
@click.option("--no-names", is_flag=True, help="Unit categories instead of names.")
@click.option("--as", "email", required=True, help="Who the download is recorded for.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export_summary(slug, number, fmt, lang, answered_only, no_names, email, out):
    """Write the summary table of a revision to --out and print its SHA-256."""
    user = db.session.scalar(select(User).filter_by(email=email.strip().lower()))
    if user is None or not can_read_all_comments(user):
        raise click.ClickException("--as must name a team member, reviewer, official or admin")
    revision = find_revision(slug, number)
    options = SummaryOptions(language=lang, answered_only=answered_only, names=not no_names)
    now = utcnow()
    output = summary_file(revision, options, fmt, today=to_local(now, zone()).date())
    out.write_bytes(output.data)
    record_download(user=user, revision=revision, output=output, options=options.as_dict(), now=now)
    db.session.commit()
    click.echo(f"{out}\t{len(output.data)} bytes\tsha256 {output.sha256}")
