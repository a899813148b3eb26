"""Why a form row's clause cannot be read is said in the reader's language: the citation
reader hands over a code and parameters, the interface words them."""

import re

import pytest
from flask_babel import force_locale

from app.feedback.citation_messages import MESSAGES, citation_message
from app.legaltext import CitationIndex, parse
from app.legaltext.citation_problems import CitationProblem, ProblemCode, Ref
from tests.factories import DEMO_ZH, make_revision, make_user
from tests.feedback.test_import import base, fill_xlsx, upload
from tests.pages import english, text

ARTICLE_12 = Ref((("article", (12, 0)),), nested=True)
SAMPLE_PARAMS = {
    "clause": ARTICLE_12,
    "text": "第十二条第五款",
    "numeral": "一百五",
    "detail": "ambiguous numeral",
    "what": Ref((("article", (200, 1)),)),
    "where": ARTICLE_12,
    "count": 2,
    "asked": 5,
    "left": "后增加一条",
    "meanings": (Ref((("article", (12, 0)), ("paragraph", 2))), Ref((("clause", "12.2"),))),
    "first": ARTICLE_12,
    "last": Ref((("article", (13, 0)),), nested=True),
}


@pytest.fixture
def revision(app):
    return make_revision(DEMO_ZH.read_text(encoding="utf-8"))


def reading_of(html: str) -> str:
    """The reading of the preview's first row."""
    row = re.search(r'<tr id="row-\d+" class="preview-row.*?</tr>', html, re.S).group(0)
    cell = re.findall(r"<td>(.*?)</td>", row, re.S)[2]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip()


def preview_of_an_unknown_row(client, revision) -> str:
    login = client.get(f"{base(revision)}/feedback-form.xlsx")
    filled = fill_xlsx(login.data, [("第十二条第五款", "第十二条第五款过严。", "", "")], "丁协会")
    return upload(client, revision, filled, "ding.xlsx").headers["Location"]


def test_the_unknown_row_is_explained_in_chinese_in_the_chinese_interface(
    revision, client, login_as
):
    login_as(make_user("team"))
    preview = text(client.get(preview_of_an_unknown_row(client, revision)))

    assert reading_of(preview) == "无法识别 第十二条共有2款，没有第5款"


def test_the_same_row_is_explained_in_english_in_the_english_interface(revision, client, login_as):
    english(client)
    login_as(make_user("team"))
    preview = text(client.get(preview_of_an_unknown_row(client, revision)))

    assert reading_of(preview) == "Unknown article 12 has 2 paragraphs, not 5"


@pytest.mark.parametrize("code", list(ProblemCode))
def test_every_code_has_a_message_in_both_languages(app, code):
    problem = CitationProblem(code, SAMPLE_PARAMS)
    with app.test_request_context(), force_locale("zh"):
        chinese = citation_message(problem)
    with app.test_request_context(), force_locale("en"):
        english_text = citation_message(problem)

    assert code in MESSAGES
    assert re.search(r"[a-z]{3}", chinese) is None, chinese  # no English words left
    assert english_text != chinese


CITATIONS = ["第二百条", "第十二条第五款", "第十三条第二款", "第一条第一款第一项", "第五章",
             "随便写写", "第十二条、第二百条之一", "第三项", "第十二条至第十三条",
             "第十二条后增加一条", "12.2", "第十二条", "总体"]  # fmt: skip


@pytest.mark.parametrize("citation", CITATIONS)
def test_the_english_interface_says_what_the_reader_says(app, citation):
    """The English msgids are legaltext's own English sentences."""
    resolution = CitationIndex(parse(DEMO_ZH.read_text(encoding="utf-8")).clauses).read(citation)
    with app.test_request_context(), force_locale("en"):
        assert citation_message(resolution.problem) == resolution.reason


def test_chinese_names_the_clauses_as_chinese_law_cites_them(app):
    index = CitationIndex(parse(DEMO_ZH.read_text(encoding="utf-8")).clauses)
    with app.test_request_context(), force_locale("zh"):
        said = [
            citation_message(index.read(c).problem) for c in ("第12条第1款", "第十二条后增加一条")
        ]
    assert said == ["识别为第十二条第一款", "识别出第十二条，但未能识别“后增加一条”"]
