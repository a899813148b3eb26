"""`flask demo`: load the drafts in drafts/ and the example data into the database."""

from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from app.core.extensions import db
from app.core.timeutil import zone
from app.legaltext import parse_file
from app.measures.models import Measure
from app.measures.services import import_revision, sha256_hex

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"


def demo_sources(folder: Path = DRAFTS) -> list[Path]:
    """Every draft file, primary texts before their English translations."""
    files = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".docx"))
    return sorted(files, key=lambda p: (".en." in p.name, p.name))


def load_demo(folder: Path = DRAFTS, *, examples: bool = True) -> list[str]:
    """Import every draft in ``folder``, then the example data (units, people, comments);
    returns lines to show. Running it again adds nothing. The caller commits."""
    from app.demo.data import load_example_data
    from app.demo.second_draft import align_new_revisions

    lines = []
    revisions = []
    for path in demo_sources(folder):
        document = parse_file(path)
        outcome = import_revision(
            document=document, source_sha256=sha256_hex(path.read_bytes()), tz=zone()
        )
        state = "already there" if outcome.unchanged else "imported"
        lines.append(
            f"{path.name}: {state} ({outcome.revision.measure.slug} r{outcome.revision.number})"
        )
        revisions.append(outcome.revision)
    lines += align_new_revisions(list(dict.fromkeys(revisions)))
    if examples:
        from app.demo.round2 import load_second_round

        lines += load_example_data()
        lines += load_second_round()  # after the example people, who comment on it
    return lines


@click.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when any measure is stored already.")
@with_appcontext
def demo_command(if_empty: bool):
    """Load the demo drafts and example data (marked as example data)."""
    if if_empty and db.session.scalar(select(func.count()).select_from(Measure)):
        click.echo("demo: the database already holds measures; nothing loaded.")
        return
    for line in load_demo():
        click.echo(line)
    db.session.commit()
    from app.demo.content import DEMO_PASSWORD, STAFF_ACCOUNTS

    click.echo(f"demo accounts (password {DEMO_PASSWORD}):")
    for email, role, name in STAFF_ACCOUNTS:
        click.echo(f"  {email:<26} {role.value:<12} {name}")
