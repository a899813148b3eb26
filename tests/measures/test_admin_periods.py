"""Administrators edit a measure's details and its revisions' comment periods, audited."""

import re
from datetime import date

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.core.refusal import Refused
from app.core.timeutil import zone
from app.measures.management import set_period, update_measure
from app.measures.models import Measure
from tests.accounts.helpers import field_error, flashes, post_form, read_english, text
from tests.factories import make_closed_revision, make_user

PERIOD_URL = "/admin/measures/sample-measure/r/1/period"


def audit(db, action):
    return [
        (event.before_data, event.after_data)
        for event in db.session.scalars(select(AuditEvent).filter_by(action=action))
    ]


def period_row(html: str) -> list[str]:
    row = re.search(r'<tr id="revision-1">(.*?)</tr>', html, re.S).group(1)
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
    ]


def test_extending_a_period_needs_a_reason_and_is_shown_and_audited(client, db, login_as):
    make_closed_revision()  # 2021-01-08 to 2021-02-08
    login_as(make_user("admin"))
    data = {"opens_on": "2021-01-08", "closes_on": "2021-03-08"}

    refused = post_form(client, PERIOD_URL, data)
    saved = post_form(client, PERIOD_URL, {**data, "extension_reason": "应协会请求"})

    assert field_error(text(refused), "extension_reason") == (
        "The period closes later than before: give the reason for the extension."
    )
    assert saved.headers["Location"] == "/admin/measures/sample-measure"
    page = read_english(client, "/admin/measures/sample-measure")
    assert flashes(page) == ["The comment period is saved."]
    assert period_row(page) == [
        "1 Draft for Comments",  # the label in the reader's language
        "2021-01-08 – 2021-03-08",
        "应协会请求",
        "",
        "Change the period of revision 1",
    ]
    client.set_cookie("zq_lang", "zh", domain="zhengqiu.test")
    reading = client.get("/m/sample-measure/r/1").get_data(as_text=True)
    assert '<p class="period-extension">征求意见期延长至2021-03-08（应协会请求）</p>' in reading
    [(before, after)] = audit(db, "revision.extend")
    assert before == {"closes_at": "2021-02-08T16:00:00", "extension_reason": ""}
    assert after == {"closes_at": "2021-03-08T16:00:00", "extension_reason": "应协会请求"}


def test_a_period_below_thirty_days_needs_its_reason(client, db, login_as):
    make_closed_revision()
    login_as(make_user("admin"))
    data = {"opens_on": "2021-01-08", "closes_on": "2021-01-27"}

    refused = post_form(client, PERIOD_URL, data)
    post_form(client, PERIOD_URL, {**data, "short_period_reason": "紧急情况"})

    assert field_error(text(refused), "short_period_reason") == (
        "This period is 20 days, shorter than the 30 days the Regulations on Procedures for "
        "Formulating Rules (Art. 15) set: give the reason for the shorter period."
    )
    assert period_row(read_english(client, "/admin/measures/sample-measure"))[1:4] == [
        "2021-01-08 – 2021-01-27",
        "",
        "紧急情况",
    ]
    [(before, after)] = audit(db, "revision.period")
    assert after == {"closes_at": "2021-01-27T16:00:00", "short_period_reason": "紧急情况"}


def test_a_period_must_close_after_it_opens(client, login_as):
    make_closed_revision()
    login_as(make_user("admin"))

    refused = post_form(client, PERIOD_URL, {"opens_on": "2021-02-08", "closes_on": "2021-02-07"})

    assert field_error(text(refused), "closes_on") == (
        "The period must close on or after the day it opens."
    )


def test_the_period_form_starts_from_the_current_period_in_beijing_time(client, login_as):
    make_closed_revision()
    login_as(make_user("admin"))

    html = read_english(client, PERIOD_URL)

    assert 'name="opens_on" required type="date" value="2021-01-08"' in html
    assert 'name="closes_on" required type="date" value="2021-02-08"' in html
    assert "Current period: 2021-01-08 – 2021-02-08 (Beijing time)" in html


def test_shortening_after_an_extension_drops_the_extension_note(app, db):
    revision = make_closed_revision()
    admin = make_user("admin")
    set_period(
        revision=revision,
        opens_on=date(2021, 1, 8),
        closes_on=date(2021, 3, 8),
        tz=zone(),
        actor=admin,
        extension_reason="应协会请求",
    )
    set_period(
        revision=revision,
        opens_on=date(2021, 1, 8),
        closes_on=date(2021, 2, 20),
        tz=zone(),
        actor=admin,
    )

    assert revision.extension_reason == ""
    assert [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))] == [
        "revision.extend",
        "revision.period",
    ]


def test_only_an_admin_sets_a_period(app):
    revision = make_closed_revision()

    with pytest.raises(PermissionError):
        set_period(
            revision=revision,
            opens_on=date(2021, 1, 8),
            closes_on=date(2021, 3, 8),
            tz=zone(),
            actor=make_user("team"),
            extension_reason="x",
        )


def test_admin_edits_the_details_of_a_measure_audited(client, db, login_as):
    make_closed_revision()
    login_as(make_user("admin"))
    form = read_english(client, "/admin/measures/sample-measure")
    assert 'name="title" required type="text" value="样例管理办法（征求意见稿）"' in form

    response = post_form(
        client,
        "/admin/measures/sample-measure",
        {
            "title": "样例管理办法（征求意见稿）",
            "title_en": "Sample Measures",
            "drafting_unit": "中国质量认证中心",
            "person_in_charge": "张三",
            "phone": "010-12345678",
        },
    )

    assert response.headers["Location"] == "/admin/measures/sample-measure"
    assert flashes(read_english(client, "/admin/measures/sample-measure")) == [
        "The details of the measure are saved."
    ]
    measure = db.session.scalar(select(Measure))
    db.session.refresh(measure)
    assert (measure.title_en, measure.drafting_unit, measure.person_in_charge, measure.phone) == (
        "Sample Measures",
        "中国质量认证中心",
        "张三",
        "010-12345678",
    )
    [(before, after)] = audit(db, "measure.edit")
    assert before == {"drafting_unit": "", "person_in_charge": "", "phone": "", "title_en": ""}
    assert after["person_in_charge"] == "张三"


def test_a_measure_needs_a_title(app):
    revision = make_closed_revision()

    with pytest.raises(Refused):
        update_measure(measure=revision.measure, data={"title": "  "}, actor=make_user("admin"))


def test_the_measures_list_links_to_each_measures_page(client, login_as):
    make_closed_revision()
    login_as(make_user("admin"))

    html = read_english(client, "/admin/measures")

    assert (
        '<a href="/admin/measures/sample-measure">Details, revisions and comment periods</a>'
        in html
    )
    assert client.get("/admin/measures/nothing-here").status_code == 404
    assert client.get("/admin/measures/sample-measure/r/9/period").status_code == 404
