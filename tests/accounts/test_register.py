"""Registering: a participant, as an individual or for a unit, signed in at once."""

from sqlalchemy import select

from app.accounts.models import Role, Unit, UnitCategory, User
from tests.accounts.helpers import field_error, flashes, post_form, read_english, text
from tests.factories import make_unit, make_user

NEW_PASSWORD = "a long enough password"


def register(client, **fields):
    data = {
        "name": "李四",
        "email": "li.si@example.org",
        "password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD,
        "unit_mode": "individual",
    }
    data.update(fields)
    return post_form(client, "/register", data)


def users(db):
    return db.session.scalars(select(User)).all()


def test_register_as_individual_creates_a_signed_in_participant(client, db):
    response = register(client, email="  Li.Si@Example.ORG ")

    assert response.status_code == 303
    assert response.headers["Location"] == "/"
    [user] = users(db)
    assert (user.email, user.name, user.role, user.unit) == (
        "li.si@example.org",
        "李四",
        Role.PARTICIPANT,
        None,
    )
    assert user.check_password(NEW_PASSWORD)
    html = read_english(client, "/")
    assert flashes(html) == [
        "Welcome, 李四. Your account is ready.",
        "We have sent a verification link to li.si@example.org.",
    ]
    assert '<a href="/account">李四</a>' in html


def test_register_for_an_existing_unit_joins_it(client, db):
    unit = make_unit("中国质量认证中心", category="CB")

    register(client, unit_mode="existing", unit_id=str(unit.id))

    [user] = users(db)
    assert user.unit_id == unit.id
    assert user.role == Role.PARTICIPANT


def test_register_for_a_new_unit_creates_it_with_category_and_region(client, db):
    register(
        client,
        unit_mode="new",
        new_unit_name=" 南京某认证培训中心 ",
        new_unit_category="TB",
        new_unit_region="江苏省",
    )

    [user] = users(db)
    assert (user.unit.name, user.unit.category, user.unit.region) == (
        "南京某认证培训中心",
        UnitCategory.TB,
        "江苏省",
    )


def test_register_new_unit_with_an_existing_name_joins_that_unit(client, db):
    unit = make_unit("广州某咨询有限公司", category="CC", region="广东省")

    register(client, unit_mode="new", new_unit_name="广州某咨询有限公司", new_unit_category="OT")

    [user] = users(db)
    assert user.unit_id == unit.id
    assert len(db.session.scalars(select(Unit)).all()) == 1
    assert db.session.get(Unit, unit.id).category == UnitCategory.CC


def test_register_page_lists_units_by_name_and_categories(client):
    make_unit("b-unit")
    make_unit("a-unit")

    html = read_english(client, "/register")

    assert html.index(">a-unit</option>") < html.index(">b-unit</option>")
    assert '<option value="AB">Accreditation body</option>' in html
    assert "I comment as an individual" in html


def test_register_with_a_taken_email_shows_a_field_error(client, db):
    make_user(email="taken@example.org")

    response = register(client, email="TAKEN@example.org")

    assert response.status_code == 200
    assert field_error(text(response), "email") == (
        "An account with this e-mail address already exists."
    )
    assert len(users(db)) == 1


def test_register_with_a_short_or_mismatched_password_shows_field_errors(client, db):
    short = register(client, password="short", confirm="short")
    mismatched = register(client, confirm=NEW_PASSWORD + "!")

    assert field_error(text(short), "password") == (
        "The password must have at least 10 characters."
    )
    assert field_error(text(mismatched), "confirm") == "The two passwords are not the same."
    assert users(db) == []


def test_register_new_unit_without_name_or_category_shows_field_errors(client, db):
    response = register(client, unit_mode="new", new_unit_name="", new_unit_category="")

    html = text(response)
    assert field_error(html, "new_unit_name") == "Enter the name of the unit."
    assert field_error(html, "new_unit_category") == "Choose the category of the new unit."
    assert users(db) == []


def test_register_existing_unit_not_chosen_shows_a_field_error(client, db):
    response = register(client, unit_mode="existing", unit_id="")
    forged = register(client, unit_mode="existing", unit_id="99999")

    assert field_error(text(response), "unit_id") == "Choose your unit from the list."
    assert field_error(text(forged), "unit_id") == "Choose your unit from the list."
    assert users(db) == []


def test_register_with_an_invalid_email_shows_a_field_error(client, db):
    response = register(client, email="not-an-address")

    assert field_error(text(response), "email") == "Enter an e-mail address like name@example.com."
    assert users(db) == []


def test_register_without_csrf_token_is_refused_and_creates_nothing(client, db):
    response = client.post(
        "/register",
        data={
            "name": "李四",
            "email": "li.si@example.org",
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
            "unit_mode": "individual",
        },
    )

    assert response.status_code == 400
    assert "The CSRF token is missing." in text(response)
    assert users(db) == []


def test_register_with_markup_in_the_name_is_stored_and_shown_inert(client, db):
    register(client, name='<script>alert(1)</script><img src=x onerror="alert(2)">')

    [user] = users(db)
    assert user.name == '<script>alert(1)</script><img src=x onerror="alert(2)">'
    html = read_english(client, "/account")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=" in html


def test_register_with_text_direction_or_control_characters_is_refused(client, db):
    rtl = register(client, name="张三\u202egnp.exe")
    control = register(client, name="张\x07三", email="other@example.org")
    unit = register(client, unit_mode="new", new_unit_name="某\u2066单位", new_unit_category="CB")

    message = "Remove the control or text-direction characters."
    assert field_error(text(rtl), "name") == message
    assert field_error(text(control), "name") == message
    assert field_error(text(unit), "new_unit_name") == message
    assert users(db) == []


def test_register_page_redirects_a_signed_in_user_to_the_account(client, login_as):
    login_as(make_user())

    response = client.get("/register")

    assert response.status_code == 302
    assert response.headers["Location"] == "/account"


def test_registered_user_signs_in_with_the_chosen_password(client, db):
    register(client)
    post_form(client, "/sign-out", {}, page="/")

    response = post_form(
        client, "/sign-in", {"email": "li.si@example.org", "password": NEW_PASSWORD}
    )

    assert response.status_code == 303
    assert '<a href="/account">李四</a>' in read_english(client, "/")
