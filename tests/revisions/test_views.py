"""The team's pages of the revision cycle, driven as a user does: upload the next text as a
file, see it on the staff page only, replace it, publish it with a label and a period."""

import io
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from app.audit.models import AuditEvent
from app.core.extensions import db
from app.measures.models import Revision
from app.revisions.services import MAX_DRAFT_BYTES
from tests.factories import make_revision, make_user
from tests.lineage.helpers import SECOND_BODY
from tests.pages import csrf_token, english, text
from tests.revisions.test_services import english_draft, second_draft

NEW = "/m/sample-measure/team/revisions/new"
STAFF = "/m/sample-measure/r/2/team/revision"


def revision_count() -> int:
    return db.session.scalar(select(func.count(Revision.id)))


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


@pytest.fixture
def first(app, db):
    today = date.today()
    return make_revision(
        opens=(today - timedelta(days=40)).isoformat(),
        closes=(today + timedelta(days=5)).isoformat(),
    )


@pytest.fixture
def team(client, login_as, first):
    english(client)
    return login_as(make_user("team", name="赵六"))


def post_upload(client, data: bytes, filename: str = "第二稿.md", english_file=None):
    token = csrf_token(text(client.get(NEW)))
    form = {"csrf_token": token, "file": FileStorage(io.BytesIO(data), filename)}
    if english_file:
        form["file_en"] = FileStorage(io.BytesIO(english_file), "second.en.md")
    # Encoded here, in memory: the test client would spool a large body to a file it never
    # closes.
    boundary, body = encode_multipart(form)
    return client.post(NEW, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def test_the_team_uploads_the_next_revision_and_only_staff_see_it(client, team, first):
    uploaded = post_upload(client, second_draft(), english_file=english_draft())

    assert uploaded.status_code == 303, re.findall(r"field__error[^>]*>([^<]*)", text(uploaded))
    assert uploaded.location.endswith("/m/sample-measure/r/2/team/lineage")
    second = db.session.scalar(select(Revision).filter_by(number=2))
    assert not second.is_published and second.has_english
    staff = text(client.get(STAFF))
    assert "Unpublished" in staff and "5 articles" in staff
    assert "Review the alignment" in staff and "Next revision uploaded (unpublished)" in staff
    assert "Upload the next revision" in text(client.get("/m/sample-measure"))

    client.get("/sign-out")
    with client.session_transaction() as session:
        session.clear()
    assert client.get("/m/sample-measure/r/2").status_code == 404
    assert "第二稿" not in text(client.get("/m/sample-measure"))


def test_a_malformed_draft_is_refused_with_its_line_and_nothing_is_stored(client, team):
    page = post_upload(client, second_draft(SECOND_BODY.replace("第三条", "第九条")))

    assert page.status_code == 200
    assert "line " in text(page) and "field--error" in text(page)
    assert revision_count() == 1 and "revision.upload" not in actions()


def test_an_oversized_or_unsupported_file_is_refused(client, team):
    big = post_upload(client, b"x" * (MAX_DRAFT_BYTES + 1))
    pdf = post_upload(client, b"%PDF-1.7", filename="draft.pdf")

    assert "is too large" in text(big)
    assert "unsupported file type" in text(pdf)
    assert revision_count() == 1


def test_a_second_upload_waits_for_the_first_to_be_published(client, team):
    post_upload(client, second_draft())

    page = text(client.get(NEW))

    assert "Revision 2 is uploaded and not published yet" in page
    assert 'type="file"' not in page


def test_the_unpublished_text_is_replaced(client, team):
    post_upload(client, second_draft())
    token = csrf_token(text(client.get(STAFF)))
    changed = second_draft(SECOND_BODY.replace("制定本办法", "根据有关法律，制定本办法"))

    replaced = client.post(
        STAFF + "/replace",
        data={"csrf_token": token, "file": (io.BytesIO(changed), "第二稿-改.md")},
        content_type="multipart/form-data",
    )
    again = client.post(
        STAFF + "/replace",
        data={"csrf_token": token, "file": (io.BytesIO(changed), "第二稿-改.md")},
        content_type="multipart/form-data",
    )

    assert replaced.status_code == 303
    second = db.session.scalar(select(Revision).filter_by(number=2))
    assert "根据有关法律" in {c.key: c.text for c in second.clauses}["art1"]
    assert again.status_code == 303
    assert "nothing changed" in text(client.get(STAFF))
    assert actions().count("revision.replace") == 1


def test_publishing_sets_label_and_period_and_closes_the_previous_one(client, team, first):
    post_upload(client, second_draft())
    page = text(client.get(STAFF + "/publish"))
    assert "publishing closes it now" in page
    today = date.today()

    published = client.post(
        STAFF + "/publish",
        data={
            "csrf_token": csrf_token(page),
            "label": "第二稿",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=30)).isoformat(),
        },
    )

    assert published.status_code == 303
    assert published.location.endswith("/m/sample-measure/r/2")
    second = db.session.scalar(select(Revision).filter_by(number=2))
    db.session.refresh(first)
    assert second.is_published and second.label == "第二稿" and second.opens_at is not None
    assert first.closes_at <= second.published_at
    assert actions()[-2:] == ["revision.close", "revision.publish"]
    assert client.get(STAFF + "/publish").status_code == 303


def test_a_short_period_needs_a_reason_and_a_text_only_needs_none(client, team):
    post_upload(client, second_draft())
    page = text(client.get(STAFF + "/publish"))
    today = date.today()
    short = {
        "csrf_token": csrf_token(page),
        "label": "第二稿",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=10)).isoformat(),
    }

    refused = client.post(STAFF + "/publish", data=short)
    text_only = client.post(
        STAFF + "/publish",
        data={"csrf_token": short["csrf_token"], "label": "送审稿", "no_period": "y"},
    )

    assert refused.status_code == 200 and "30 days" in text(refused)
    assert text_only.status_code == 303
    second = db.session.scalar(select(Revision).filter_by(number=2))
    assert second.is_published and second.opens_at is None and second.label == "送审稿"


def test_officials_read_the_staff_page_without_its_forms(client, login_as, team):
    post_upload(client, second_draft())
    login_as(make_user("official", name="钱七"))

    page = text(client.get(STAFF))

    assert "Unpublished" in page and "Replace the text" not in page
    assert client.get(STAFF + "/publish").status_code == 403
