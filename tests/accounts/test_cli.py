"""`flask users create`: the first admin, from the command line."""

from sqlalchemy import select

from app.accounts.models import Role, User
from tests.factories import make_user

PASSWORD = "the first admin password"


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["users", "create", *args], input=input)


def test_users_create_makes_an_admin_with_the_given_password(app, db):
    result = run(
        app, "--role", "admin", "--email", "Admin@Example.org", "--name", "管理员",
        "--password", PASSWORD,
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert result.output == "Created admin admin@example.org (管理员).\n"
    user = db.session.scalar(select(User))
    assert (user.email, user.name, user.role, user.active) == (
        "admin@example.org",
        "管理员",
        Role.ADMIN,
        True,
    )
    assert user.check_password(PASSWORD)


def test_users_create_prompts_for_the_password_twice(app, db):
    result = run(
        app, "--role", "admin", "--email", "a@example.org", "--name", "管理员",
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "Password: \nRepeat for confirmation: \n" in result.output
    assert PASSWORD not in result.output
    assert db.session.scalar(select(User)).check_password(PASSWORD)


def test_users_create_asks_again_when_the_two_passwords_differ(app, db):
    result = run(
        app, "--role", "team", "--email", "t@example.org", "--name", "项目组",
        input=f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n",
    )  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "Error: The two entered values do not match." in result.output
    assert db.session.scalar(select(User)).role == Role.TEAM


def test_users_create_refuses_a_duplicate_email(app, db):
    make_user(email="taken@example.org")

    result = run(
        app, "--role", "admin", "--email", "TAKEN@example.org", "--name", "重复",
        "--password", PASSWORD,
    )  # fmt: skip

    assert result.exit_code == 1
    assert result.output == (
        "Error: A user with the e-mail address taken@example.org already exists.\n"
    )
    assert db.session.scalar(select(User)).role == Role.PARTICIPANT


def test_users_create_refuses_a_short_password(app, db):
    result = run(
        app, "--role", "admin", "--email", "a@example.org", "--name", "管理员",
        "--password", "short",
    )  # fmt: skip

    assert result.exit_code == 1
    assert result.output == (
        "Error: The password must have at least 10 and at most 200 characters.\n"
    )
    assert db.session.scalars(select(User)).all() == []


def test_users_create_refuses_an_unknown_role(app, db):
    result = run(
        app, "--role", "king", "--email", "a@example.org", "--name", "x", "--password", PASSWORD
    )

    assert result.exit_code == 2
    assert "Invalid value for '--role'" in result.output
    assert db.session.scalars(select(User)).all() == []
