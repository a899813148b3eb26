"""The audit trail in words: Beijing time, labels instead of codes, every action named."""

import ast
import re
from datetime import datetime
from pathlib import Path

import pytest
from flask_babel import force_locale

from app.audit.models import ACTION_LABELS
from app.audit.writer import record
from tests.comments.helpers import post_comment, stored
from tests.factories import make_comment, make_open_revision, make_user
from tests.pages import english, text

ROOT = Path(__file__).resolve().parent.parent


def cells(html: str, event) -> list[str]:
    """The visible text of each cell of the event's row."""
    row = re.search(rf'<tr id="audit-{event.id}">(.*?)</tr>', html, re.S).group(1)
    return [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def visible(html: str) -> str:
    """What a reader sees of the page: no tags (so no title attributes), no scripts."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def admin(client, login_as):
    return login_as(make_user("admin", name="管理员"))


def test_times_are_beijing_time_and_the_header_says_so(client, db, admin):
    event = record(
        actor=admin, action="user.role", target_type="user", target_id=admin.id,
        before={"role": "team"}, after={"role": "admin"}, at=datetime(2026, 12, 3, 16, 30),
    )  # fmt: skip
    db.session.commit()

    chinese = text(client.get("/admin/audit"))
    english(client)
    english_page = text(client.get("/admin/audit"))

    assert cells(chinese, event)[0] == "2026-12-04 00:30"
    assert chinese.partition("<footer")[0].count("北京时间") == 1  # the footer says it of all
    assert '<th scope="col">时间（北京时间）</th>' in chinese
    assert '<th scope="col">Time (Beijing time)</th>' in english_page
    assert english_page.partition("<footer")[0].count("Beijing time") == 1


def test_a_recorded_time_is_shown_in_beijing_time_too(client, db, admin):
    revision = make_open_revision()
    event = record(
        actor=admin, action="revision.extend", target_type="revision", target_id=revision.id,
        revision_id=revision.id, before={"closes_at": datetime(2026, 12, 3, 16, 0)},
        after={"closes_at": datetime(2026, 12, 10, 16, 0)},
    )  # fmt: skip
    db.session.commit()
    english(client)

    html = text(client.get("/admin/audit"))

    assert cells(html, event)[4] == "Period closes : 2026-12-04 00:00 → 2026-12-11 00:00"


@pytest.fixture
def answered(db, admin):
    """A response edited by one of the team and a role changed by the admin."""
    revision = make_open_revision()
    team = make_user("team", name="赵六")
    reviewer = make_user("reviewer", name="钱七")
    edited = record(
        actor=team, action="response.edit", target_type="response", target_id=3,
        revision_id=revision.id,
        before={"disposition": "partly", "state": "approved", "approver_id": reviewer.id},
        after={"disposition": "adopted", "state": "draft", "approver_id": None},
    )  # fmt: skip
    role = record(
        actor=admin, action="user.role", target_type="user", target_id=team.id,
        before={"role": "participant"}, after={"role": "reviewer"},
    )  # fmt: skip
    active = record(
        actor=admin, action="user.active", target_type="user", target_id=team.id,
        before={"active": True}, after={"active": False},
    )  # fmt: skip
    db.session.commit()
    return {"edited": edited, "role": role, "active": active}


def test_dispositions_states_roles_and_names_in_chinese(client, answered):
    html = text(client.get("/admin/audit"))

    assert cells(html, answered["edited"])[2:] == [
        "修改处理意见",
        "处理意见 #3",
        "处理意见 : 部分采纳 → 采纳 状态 : 已审核 → 草稿 审核人 : 钱七 → —",
    ]
    assert cells(html, answered["role"])[4] == "角色 : 参与者 → 审核人"
    assert cells(html, answered["active"])[4] == "启用 : 是 → 否"


def test_dispositions_states_roles_and_names_in_english(client, answered):
    english(client)

    html = text(client.get("/admin/audit"))

    assert cells(html, answered["edited"])[2:] == [
        "Response edited",
        "Response #3",
        "Disposition : Partially adopted → Adopted State : Approved → In draft "
        "Approved by : 钱七 → —",
    ]
    assert cells(html, answered["role"])[4] == "Role : Participant → Reviewer"
    assert cells(html, answered["active"])[4] == "Active : Yes → No"


def test_a_participants_comment_in_its_trail_in_words(client, db, login_as):
    revision = make_open_revision()
    author = login_as(make_user(name="李四"))
    post_comment(client, revision, "art2.p2", type="te", stance="amend", body="建议明确义务。")
    [comment] = stored()
    login_as(make_user("team"))
    english(client)

    html = text(client.get(f"/m/sample-measure/r/1/team/comments/{comment.id}"))

    trail = visible(html.partition('id="trail-heading"')[2])
    assert (
        f"李四 {author.email} Comment submitted Comment {comment.receipt} "
        f"Receipt : {comment.receipt} Clause : 第二条第二款 Type : Technical Stance : Amend "
        "Publication : Do not publish Unit : — Official position of the unit : No "
        f"Checksum (SHA-256) : {comment.content_sha256}"
    ) in trail


def test_an_edit_shows_the_receipt_once_and_the_change(client, db, login_as):
    revision = make_open_revision()
    author = make_user(name="李四")
    comment = make_comment(revision, author, "art2", body="原意见。")
    event = record(
        actor=author, action="comment.edit", target_type="comment", target_id=comment.id,
        revision_id=revision.id, before={"receipt": comment.receipt, "body": "原意见。"},
        after={"receipt": comment.receipt, "body": "新意见。"},
    )  # fmt: skip
    db.session.commit()
    login_as(make_user("admin"))

    html = text(client.get("/admin/audit"))

    assert cells(html, event)[2:] == [
        "提出人修改意见",
        f"意见 {comment.receipt}",
        f"受理编号 : {comment.receipt} 意见 : 原意见。 → 新意见。",
    ]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_action_is_shown_as_its_code(client, db, admin, language):
    for action in ACTION_LABELS:
        record(actor=admin, action=action, target_type="user", target_id=admin.id)
    db.session.commit()
    if language == "en":
        english(client)

    pages, number = [], 1
    while not pages or 'rel="next"' in pages[-1]:
        pages.append(text(client.get(f"/admin/audit?page={number}")))
        number += 1

    tables = [page.partition('<table class="audit-trail">')[2] for page in pages]
    shown = " ".join(visible(table) for table in tables)
    named = dict(
        re.findall(
            r'<td class="audit-trail__action"><span title="([^"]+)">([^<]+)</span></td>',
            "".join(tables),
        )
    )
    with force_locale(language):
        labels = {action: str(label) for action, label in ACTION_LABELS.items()}
    assert named == labels
    assert [action for action in ACTION_LABELS if action in shown] == []


def recorded_actions() -> dict[str, str]:
    """Every action string that app/ passes to record() or record_now() (or to a helper that
    passes its ``action`` on, as triage/responses.py's _record and comments/writer.py's
    write_comment), with where it is."""
    found = {}
    dotted = re.compile(r"^[a-z_]+\.[a-z_]+$")
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            # ``action = "a.b" if … else "c.d"`` then record(…, action=action)
            assigned = [
                node.value
                for node in ast.walk(function)
                if isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "action" for t in node.targets)
            ]
            for call in ast.walk(function):
                if not isinstance(call, ast.Call):
                    continue
                name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
                if name not in {"record", "record_now", "_record", "write_comment"}:
                    continue
                sources = [k.value for k in call.keywords if k.arg == "action"] + call.args
                if any(isinstance(s, ast.Name) and s.id == "action" for s in sources):
                    sources += assigned
                for source in sources:
                    for node in ast.walk(source):
                        if isinstance(node, ast.Constant) and dotted.match(str(node.value)):
                            found[node.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_every_action_recorded_in_the_app_has_a_label():
    actions = recorded_actions()

    # The scan sees each kind of call: a keyword, a conditional, a helper's positional.
    assert {"comment.submit", "revision.extend", "response.approve", "response.publish"} <= set(
        actions
    )
    assert {action: where for action, where in actions.items() if action not in ACTION_LABELS} == {}


def test_an_internal_note_is_called_a_note(client, db, admin):
    event = record(
        actor=admin, action="comment.note", target_type="comment", target_id=9,
        after={"note_id": 4, "body": "先核实现行做法。"},
    )  # fmt: skip
    db.session.commit()
    english(client)

    html = text(client.get("/admin/audit"))

    assert cells(html, event)[2:] == [
        "Internal note added",
        "Comment #9",
        "Note : 先核实现行做法。 Note number : #4",
    ]


def test_a_sign_in_lock_is_said_to_be_the_systems_protection_not_a_command(client, db, admin):
    lock = record(
        actor=None, action="sign_in.lock", target_type="sign_in", target_id=None,
        after={"email": "someone@example.org"}, at=datetime(2026, 12, 3, 8, 0),
    )  # fmt: skip
    command = record(
        actor=None, action="user.create", target_type="user", target_id=admin.id,
        after={"role": "admin"}, at=datetime(2026, 12, 3, 7, 0),
    )  # fmt: skip
    db.session.commit()

    html = text(client.get("/admin/audit"))

    assert cells(html, lock)[1] == "系统（登录保护）"
    assert cells(html, command)[1] == "系统（命令行）"
