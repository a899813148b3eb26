"""`flask drafts parse|import|align`: the importer and the aligner from the command line."""

import json
import unicodedata
from pathlib import Path

import click
from flask.cli import with_appcontext

from app.core.extensions import db
from app.core.timeutil import zone
from app.legaltext import Document, ParseError, parse_file
from app.legaltext.alignment import KINDS, align
from app.measures.services import ImportRefused, import_revision, sha256_hex

COUNT_NAMES = ("parts", "chapters", "sections", "articles", "paragraphs", "items", "subitems")


@click.group("drafts")
def drafts_cli():
    """Parse and import draft measures (Markdown or .docx)."""


def _parse(path: str, force: bool) -> Document:
    try:
        return parse_file(path, force=force)
    except ParseError as error:
        raise click.ClickException(f"{path}: {error}") from None
    except OSError as error:
        raise click.ClickException(f"{path}: cannot read the file ({error.strerror})") from None


def summary_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(name, 0)} {name}" for name in COUNT_NAMES)


@drafts_cli.command("parse")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the clause tree as JSON.")
@click.option("--force", is_flag=True, help="Accept numbering that skips or repeats.")
def parse_command(path: str, as_json: bool, force: bool):
    """Parse PATH and print what it holds; the database is not touched."""
    document = _parse(path, force)
    if as_json:
        click.echo(json.dumps(document.to_json(), ensure_ascii=False, indent=1))
        return
    click.echo(
        f"{path}: {document.family} ({document.language}): {summary_line(document.counts())}"
    )
    for clause in document.clauses:
        if clause.kind in ("part", "chapter", "section", "annex", "preamble"):
            click.echo(f"  {clause.key:<16} {clause.label} {clause.caption}".rstrip())


@drafts_cli.command("align")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the links as JSON.")
@click.option("--force", is_flag=True, help="Accept numbering that skips or repeats.")
def align_command(old: str, new: str, as_json: bool, force: bool):
    """Align revision NEW with revision OLD: which clause became which; no database needed.

    Article rows come first, then the finer rows (paragraphs, items) under each aligned pair.
    """
    old_doc, new_doc = _parse(old, force), _parse(new, force)
    links = align(old_doc.clauses, new_doc.clauses)
    if as_json:
        click.echo(
            json.dumps({"links": [link.to_json() for link in links]}, ensure_ascii=False, indent=1)
        )
        return
    old_clauses, new_clauses = old_doc.by_key(), new_doc.by_key()
    articles = [link for link in links if "." not in (link.from_key or link.to_key)]
    tally = {kind: sum(link.kind == kind for link in articles) for kind in KINDS}
    click.echo(
        f"{old} → {new}: {len(articles)} article rows ("
        + ", ".join(f"{count} {kind}" for kind, count in tally.items() if count)
        + f"), {len(links) - len(articles)} finer rows"
    )
    for link in links:
        before = _named(link.from_key, old_clauses)
        after = _named(link.to_key, new_clauses)
        click.echo(f"  {_padded(before, 30)} {_padded(after, 30)} {link.kind:<9} {link.score:.2f}")


def _named(key: str | None, clauses) -> str:
    """A clause as the table shows it: its key and its citation (第十二条第二款)."""
    if key is None:
        return "—"
    citation = clauses[key].citation
    return f"{key} {citation}" if citation and citation != key else key


def _padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return text + " " * max(0, width - used)


META_OPTIONS = ("measure", "revision", "title", "label", "opens", "closes", "language")


@drafts_cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Accept numbering that skips or repeats.")
@click.option("--dry-run", is_flag=True, help="Check everything, then store nothing.")
@click.option("--measure", help="Measure slug, for a file without front matter (a .docx).")
@click.option("--revision", help="Revision number (1, 2, …).")
@click.option("--title", help="Title of the measure.")
@click.option("--label", help="Revision label, e.g. 征求意见稿.")
@click.option("--opens", help="First day of the comment period, YYYY-MM-DD.")
@click.option("--closes", help="Last day of the comment period, YYYY-MM-DD.")
@click.option("--language", type=click.Choice(["zh", "en"]), help="Language of the text.")
@with_appcontext
def import_command(path: str, force: bool, dry_run: bool, **meta: str | None):
    """Store PATH as a revision (or the English text of one), in one transaction.

    Options fill in, or override, the file's front matter.
    """
    document = _parse(path, force)
    document.meta.update({key: value for key, value in meta.items() if value})
    try:
        outcome = import_revision(
            document=document, source_sha256=sha256_hex(Path(path).read_bytes()), tz=zone()
        )
    except ImportRefused as error:
        db.session.rollback()
        raise click.ClickException(f"{path}: {error}") from None

    revision = outcome.revision
    where = f"{revision.measure.slug} revision {revision.number}"
    what = "English text of " if outcome.language == "en" else ""
    if outcome.unchanged:
        db.session.rollback()
        click.echo(f"{path}: already imported as {what}{where}; nothing changed.")
        return
    if dry_run:
        db.session.rollback()
        click.echo(f"{path}: would import {what}{where}: {summary_line(outcome.counts)} (dry run)")
        return
    db.session.commit()
    click.echo(f"{path}: imported {what}{where}: {summary_line(outcome.counts)}")
