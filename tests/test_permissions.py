"""Every route against every kind of visitor: one table, and a check that it covers them all.

Outcomes: "ok" (the role check let the request through: 2xx, a redirect that is not to the
sign-in page, or 400/409 where the action itself then judged the empty form on its content),
"signin" (sent to sign in), "forbidden" (403), "missing" (404 — used where even the existence
of an object must not leak, e.g. another participant's receipt).
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import re

import pytest

from app.accounts.services import make_reset_token
from app.accounts.verification import make_verification_token
from app.comments.models import Attachment
from app.feedback.files.form_writing import FormSpec, write_form_xlsx
from app.feedback.models import FormImport
from tests import permission_rows
from tests.factories import (
    make_closed_revision,
    make_comment,
    make_event,
    make_group,
    make_open_revision,
    make_response,
    make_unit,
    make_user,
)
from tests.pages import csrf_token
from tests.permission_roles import (
    ADMIN_ONLY,
    AUTHOR_AND_STAFF,
    AUTHOR_ONLY_WRITE,
    EVERYONE,
    PARTICIPANTS_ONLY,
    ROLES,
    SIGNED_IN,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
FORM = write_form_xlsx(
    FormSpec(title="样例", revision_label="征求意见稿", language="zh", identifier="x")
)

# (method, URL template, expected outcome per role). Templates name objects of the scenario.
MATRIX: list[tuple[str, str, dict[str, str]]] = [
    ("GET", "/", EVERYONE),
    ("POST", "/language", EVERYONE),
    ("GET", "/m/{slug}", EVERYONE),
    ("GET", "/m/{slug}/r/1", EVERYONE),
    ("GET", "/m/{slug}/r/1/c/art1", EVERYONE),
    # accounts
    ("GET", "/register", EVERYONE),
    ("POST", "/register", EVERYONE),
    ("GET", "/sign-in", EVERYONE),
    ("POST", "/sign-in", EVERYONE),
    ("POST", "/sign-out", EVERYONE),
    ("GET", "/password/forgot", EVERYONE),
    ("POST", "/password/forgot", EVERYONE),
    ("GET", "/password/reset/{reset_token}", EVERYONE),
    ("POST", "/password/reset/{reset_token}", EVERYONE),
    ("GET", "/account", SIGNED_IN),
    ("POST", "/account/password", SIGNED_IN),
    ("GET", "/admin/users", ADMIN_ONLY),
    ("GET", "/admin/users/new", ADMIN_ONLY),
    ("POST", "/admin/users/new", ADMIN_ONLY),
    ("POST", "/admin/users/{other_id}/role", ADMIN_ONLY),
    ("POST", "/admin/users/{other_id}/active", ADMIN_ONLY),
    ("GET", "/admin/measures", ADMIN_ONLY),
    ("POST", "/admin/measures/{slug}/publication", ADMIN_ONLY),
    # comments
    ("GET", "/m/{slug}/r/1/comment", PARTICIPANTS_ONLY),
    ("POST", "/m/{slug}/r/1/comment", PARTICIPANTS_ONLY),
    ("GET", "/comments/{receipt}", AUTHOR_AND_STAFF),
    ("GET", "/comments/{receipt}/edit", AUTHOR_ONLY_WRITE),
    ("POST", "/comments/{receipt}/edit", AUTHOR_ONLY_WRITE),
    ("POST", "/comments/{receipt}/withdraw", AUTHOR_ONLY_WRITE),
    ("GET", "/attachments/{attachment_id}", AUTHOR_AND_STAFF),
    ("GET", "/my/comments", SIGNED_IN),
    # Only a unit's confirmed representative speaks for it: "other" has no unit.
    ("POST", "/m/{slug}/r/1/no-comments", {**PARTICIPANTS_ONLY, "other": "forbidden"}),
]
# Each area of the team's pages lists its routes in tests/permission_rows/<area>.py.
for _module in sorted(pkgutil.iter_modules(permission_rows.__path__), key=lambda m: m.name):
    MATRIX += importlib.import_module(f"tests.permission_rows.{_module.name}").ROWS


@pytest.fixture
def scenario(app, db):
    unit = make_unit()
    revision = make_open_revision()
    make_closed_revision(measure="closed-measure")
    users = {
        "participant": make_user("participant", unit=unit, representative=True),
        "other": make_user("participant"),
        "team": make_user("team"),
        "reviewer": make_user("reviewer"),
        "official": make_user("official"),
        "admin": make_user("admin"),
    }
    comment = make_comment(revision, users["participant"], "art2.p2")
    attachment = Attachment(
        comment=comment,
        filename="意见.pdf",
        mime="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
        data=PDF,
    )
    db.session.add(attachment)
    db.session.commit()
    group = make_group(revision, [comment], by=users["team"])
    response = make_response(group, users["team"])
    event = make_event(revision)
    form_import = FormImport(
        revision_id=revision.id,
        sha256="0" * 64,
        filename="反馈表.xlsx",
        size=len(FORM),
        data=FORM,
        uploaded_by_id=users["team"].id,
    )
    db.session.add(form_import)
    db.session.commit()
    return {
        "import_id": form_import.id,
        "fmt": "xlsx",  # a download's format, in routes that take one
        "old": 1,  # a pair of revisions to compare (the scenario has revision 1 only)
        "new": 2,
        "comment_id": comment.id,
        "group_id": group.id,
        "response_id": response.id,
        "event_id": event.id,
        "unit_id": unit.id,
        "receipt": comment.receipt,
        "attachment_id": attachment.id,
        "slug": revision.measure.slug,
        "users": users,
        "unit": unit,
        "reset_token": make_reset_token(users["other"]),
        "other_id": users["other"].id,
        "verify_token": make_verification_token(users["other"]),
    }


def csrf_token_of(client) -> str:
    return csrf_token(client.get("/").get_data(as_text=True))


def outcome(response) -> str:
    location = response.headers.get("Location", "")
    if response.status_code in (301, 302, 303) and "/sign-in" in location:
        return "signin"
    if response.status_code == 401:
        return "signin"
    if response.status_code == 403:
        return "forbidden"
    if response.status_code == 404:
        return "missing"
    if response.status_code < 400 or response.status_code in (400, 409):
        return "ok"
    return f"HTTP {response.status_code}"


@pytest.mark.parametrize("method,template,expected", MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_route_answers_each_role_as_expected(
    app, client, login_as, scenario, method, template, expected
):
    url = template.format(**scenario)
    seen = {}
    for role in ROLES:
        client.delete_cookie("session", domain="zhengqiu.test")
        if role != "anonymous":
            login_as(scenario["users"][role])
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, data={"csrf_token": csrf_token_of(client)})
        seen[role] = outcome(response)

    assert seen == expected


def test_matrix_covers_every_route(app):
    covered = {(method, re.sub(r"\{[a-z_]+\}", "<>", template)) for method, template, _ in MATRIX}
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            routes.add((method, re.sub(r"<[^>]+>", "<>", rule.rule)))
    # A template names concrete objects; compare the shapes of the paths.
    shapes = {(m, re.sub(r"/(?:1|art1)(?=/|$)", "/<>", t)) for m, t in covered}

    assert sorted(routes - shapes) == []
