"""`flask users create`: the first admin (and any other account) from the command line."""

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from app.accounts.models import Role
from app.accounts.services import AccountRefused, EmailTaken, create_user, normalise_email
from app.core.extensions import db


@click.group("users")
def users_cli():
    """Manage accounts."""


@users_cli.command("create")
@click.option(
    "--role",
    type=click.Choice([role.value for role in Role]),
    default=Role.PARTICIPANT.value,
    show_default=True,
    help="What the person may do.",
)
@click.option("--email", required=True, help="E-mail address, used to sign in.")
@click.option("--name", required=True, help="The person's name, as others see it.")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="At least 10 characters; asked for (twice) when not given.",
)
@with_appcontext
def create_command(role: str, email: str, name: str, password: str):
    """Create an account, e.g. the first admin: flask users create --role admin --email …"""
    email = normalise_email(email)
    try:
        user = create_user(email=email, name=name, password=password, role=role)
    except EmailTaken:
        db.session.rollback()
        raise click.ClickException(
            f"A user with the e-mail address {email} already exists."
        ) from None
    except AccountRefused as error:
        db.session.rollback()
        with force_locale("en"):  # the command line speaks English, like its --help
            message = str(error.message)
        raise click.ClickException(message) from None
    db.session.commit()
    click.echo(f"Created {user.role.value} {user.email} ({user.name}).")
