"""The drafting unit is named in the reader's language, its Chinese name when it has no
English one, wherever it is shown."""

import re

from sqlalchemy import select

from app.measures.models import Measure
from tests.factories import make_closed_revision, make_open_revision, make_user
from tests.pages import csrf_token, text

CQC = {
    "drafting_unit": "中国质量认证中心",
    "drafting_unit_en": "China Quality Certification Centre",
}


def set_language(client, language: str) -> None:
    token = csrf_token(text(client.get("/")))
    client.post("/language", data={"language": language, "next": "/", "csrf_token": token})


def drafting_lines(html: str) -> list[str]:
    return re.findall(r"<p[^>]*>((?:负责起草单位|Drafting unit)[^<]*)</p>", html)


def test_the_drafting_unit_is_english_in_the_english_interface(app, client):
    make_open_revision(**CQC)
    set_language(client, "en")

    assert drafting_lines(text(client.get("/"))) == [
        "Drafting unit: China Quality Certification Centre"
    ]
    assert drafting_lines(text(client.get("/m/sample-measure/r/1"))) == [
        "Drafting unit: China Quality Certification Centre"
    ]


def test_the_drafting_unit_is_chinese_in_the_chinese_interface(app, client):
    make_open_revision(**CQC)

    assert drafting_lines(text(client.get("/"))) == ["负责起草单位: 中国质量认证中心"]
    assert drafting_lines(text(client.get("/m/sample-measure/r/1"))) == [
        "负责起草单位: 中国质量认证中心"
    ]


def test_without_an_english_name_the_chinese_one_is_shown_in_english(app, client):
    make_closed_revision(drafting_unit="国家市场监督管理总局")
    set_language(client, "en")

    assert drafting_lines(text(client.get("/m/sample-measure/r/1"))) == [
        "Drafting unit: 国家市场监督管理总局"
    ]


def test_the_admin_sets_the_english_name_audited(app, client, db, login_as):
    from app.audit.models import AuditEvent

    make_closed_revision(drafting_unit="国家市场监督管理总局")
    login_as(make_user("admin"))
    set_language(client, "en")
    page = text(client.get("/admin/measures/sample-measure"))
    assert (
        '<label class="field__label" for="drafting_unit_en">Drafting unit in English</label>'
        in (page)
    )

    client.post(
        "/admin/measures/sample-measure",
        data={
            "csrf_token": csrf_token(page),
            "title": "样例管理办法（征求意见稿）",
            "drafting_unit": "国家市场监督管理总局",
            "drafting_unit_en": "State Administration for Market Regulation",
        },
    )

    measure = db.session.scalar(select(Measure))
    db.session.refresh(measure)
    assert measure.drafting_unit_en == "State Administration for Market Regulation"
    event = db.session.scalar(select(AuditEvent).filter_by(action="measure.edit"))
    assert event.after_data["drafting_unit_en"] == "State Administration for Market Regulation"
    assert drafting_lines(text(client.get("/m/sample-measure/r/1"))) == [
        "Drafting unit: State Administration for Market Regulation"
    ]


def test_the_demo_drafts_name_the_drafting_unit_in_english(app, db):
    from app.core.timeutil import zone
    from app.legaltext import parse_file
    from app.measures.services import import_revision, sha256_hex
    from tests.factories import DEMO_ZH

    import_revision(
        document=parse_file(DEMO_ZH), source_sha256=sha256_hex(DEMO_ZH.read_bytes()), tz=zone()
    )
    measure = db.session.scalar(select(Measure))
    assert measure.drafting_unit_in("en") == "China Quality Certification Centre"
    assert measure.drafting_unit_in("zh") == "中国质量认证中心"
