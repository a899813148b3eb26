"""The team splits a unit's letter (意见函) into comments by clause: from the command line
(nothing changes), and on the preview page, all at once, on behalf of the sender."""

import io
import json

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.comments.models import Attachment, Channel, Comment
from app.core.extensions import db
from testkit import letters
from tests.factories import DEMO_ZH, make_revision, make_unit, make_user
from tests.pages import csrf_token, english, text


@pytest.fixture
def revision(app):
    return make_revision(DEMO_ZH.read_text(encoding="utf-8"))


def base(revision) -> str:
    return f"/m/{revision.measure.slug}/r/{revision.number}"


def _count(model=Comment) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_split_paper_prints_the_suggestions_in_order_and_changes_nothing(app, revision, tmp_path):
    path = tmp_path / "letter.docx"
    path.write_bytes(letters.letter_docx(letters.PLAIN))
    result = app.test_cli_runner().invoke(
        args=["comments", "split-paper", str(path), "--measure", revision.measure.slug,
              "--revision", "1", "--json"]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    suggestions = json.loads(result.output)["suggestions"]
    assert [s["clause"] for s in suggestions] == ["art12.p2", "art13", "art18.p1", None,
                                                  "art42.p1.i2"]  # fmt: skip
    assert suggestions[0] == {
        "clause": "art12.p2",
        "text": "第12条第2款：建议明确补正材料的期限，避免申请长期搁置。",
    }
    assert _count() == 0 and _count(AuditEvent) == 0


def test_split_paper_refuses_a_scan_with_its_reason(app, revision):
    from pathlib import Path

    scan = Path(__file__).parent / "letters" / "scan.pdf"
    result = app.test_cli_runner().invoke(
        args=["comments", "split-paper", str(scan), "--measure", revision.measure.slug,
              "--revision", "1", "--json"]
    )  # fmt: skip
    assert result.exit_code == 1
    assert "scan.pdf has no text layer: it is a scan" in result.output


def _record(client, revision, data: bytes, name: str, unit) -> str:
    page = text(client.get(f"{base(revision)}/team/letters"))
    response = client.post(
        f"{base(revision)}/team/letters",
        data={
            "csrf_token": csrf_token(page),
            "file": (io.BytesIO(data), name),
            "unit_id": str(unit.id),
            "author_name": "张明",
            "received_on": "2026-11-20",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303, text(response)
    return response.headers["Location"]


def test_the_team_records_a_letter_and_splits_it_into_comments_on_their_clauses(
    revision, client, login_as
):
    english(client)
    unit = make_unit("中国认证认可协会", "AS")
    team = make_user("team")
    login_as(team)
    split_url = _record(client, revision, letters.letter_docx(letters.FORMAL), "意见函.docx", unit)
    page = text(client.get(split_url))
    assert page.count('class="split-row"') == 8
    assert '<option value="art12.p2" selected>第十二条第二款</option>' in page
    letter = db.session.scalar(select(Comment))
    assert (letter.body, letter.channel, letter.unit_id) == ("见附件：意见函.docx", Channel.LETTER,
                                                            unit.id)  # fmt: skip

    form = {"csrf_token": csrf_token(page)}
    for i in range(8):
        form[f"text-{i}"] = letters.expected_segments(letters.FORMAL)[i].text
        form[f"clause-{i}"] = letters.expected_segments(letters.FORMAL)[i].clause or ""
    form["skip-1"] = "1"  # the transition period: not wanted
    form["merge-7"] = "1"  # article 20's two points as one
    form["clause-2"] = "art12"  # the team's correction
    form["text-3"] += "\n---\n另外，第十五条第二款的延续条件也应明确。"
    done = client.post(split_url, data=form)
    assert done.status_code == 303, text(done)

    made = db.session.scalars(
        select(Comment)
        .join(Attachment, Comment.split_source_id == Attachment.id)
        .where(Attachment.comment_id == letter.id)
        .order_by(Comment.id)
    ).all()
    assert [c.clause.key if c.clause else None for c in made] == [
        None, "art12", "art15", "art15", "art9.p1.i3", "art30.p1", "art20.p2"
    ]  # fmt: skip
    assert made[3].body == "另外，第十五条第二款的延续条件也应明确。"
    assert made[-1].body == (
        "第二款的义务表述不明确，建议细化认证人员报告的时限。\n"
        "建议增加认证人员如实记录审核过程的义务。\n同时，记录应当保存不少于六年。"
    )
    assert {(c.channel, c.unit_id, c.author_name, c.on_behalf_by_id) for c in made} == {
        (Channel.LETTER, unit.id, "张明", team.id)
    }
    assert {c.received_at for c in made} == {letter.received_at}
    assert {c.split_source_id for c in made} == {letter.attachments[0].id}
    split = db.session.scalar(select(AuditEvent).filter_by(action="comment.split"))
    after = json.loads(split.after)
    assert split.target_id == letter.id and after["comments"] == [c.receipt for c in made]
    assert after["skipped"] == [2] and after["merged"] == [8]
    again = text(client.get(split_url))
    assert "This letter was split into 7 comments." in again
    assert client.post(split_url, data=form).status_code == 200  # shown again, nothing more
    assert _count() == 8
    shown = text(client.get(f"{base(revision)}/team/comments/{made[0].id}"))
    assert f"Split from the letter of comment {letter.receipt}" in shown


@pytest.mark.parametrize(
    ("forged", "message"),
    [
        (
            {"clause-2": "art999"},
            "point 3 names the clause “art999”, which this revision does not have",
        ),
        (
            {"text-8": "多出来的一条"},
            "the page does not match the letter (it has 5 points; the page sent 9)",
        ),
    ],
)
def test_a_forged_split_is_refused_and_nothing_is_written(
    revision, client, login_as, forged, message
):
    english(client)
    login_as(make_user("team"))
    split_url = _record(client, revision, letters.letter_docx(letters.PLAIN), "信.docx",
                        make_unit("北京某某认证有限公司", "CB"))  # fmt: skip
    page = text(client.get(split_url))
    before = (_count(), _count(AuditEvent))
    form = {"csrf_token": csrf_token(page)}
    for i, expected in enumerate(letters.expected_segments(letters.PLAIN)):
        form[f"text-{i}"] = expected.text
        form[f"clause-{i}"] = expected.clause or ""
    form.update(forged)
    refused = client.post(split_url, data=form)
    assert refused.status_code == 400
    assert message in text(refused).replace("&#34;", '"')
    assert (_count(), _count(AuditEvent)) == before


def test_a_scanned_letter_is_refused_when_recorded(revision, client, login_as):
    from pathlib import Path

    english(client)
    login_as(make_user("team"))
    page = text(client.get(f"{base(revision)}/team/letters"))
    scan = (Path(__file__).parent / "letters" / "scan.pdf").read_bytes()
    response = client.post(
        f"{base(revision)}/team/letters",
        data={"csrf_token": csrf_token(page), "file": (io.BytesIO(scan), "scan.pdf"),
              "author_name": "王", "new_unit_name": "某单位", "received_on": "2026-11-20"},
        content_type="multipart/form-data",
        follow_redirects=True,
    )  # fmt: skip
    assert "scan.pdf has no text layer" in text(response)
    assert _count() == 0
