"""The English interface names a revision and a standard's clauses in English."""

from tests.factories import make_closed_revision
from tests.pages import csrf_token

STANDARD = "1 范围\n第一段。\n第二段。\n2 要求\n仅一段。"


def english(client):
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/language", data={"language": "en", "next": "/", "csrf_token": token})


def badge(html: str) -> str:
    start = html.index('<span class="badge">') + len('<span class="badge">')
    return html[start : html.index("</span>", start)]


def test_the_revision_label_is_chinese_in_chinese(app, client):
    make_closed_revision()
    assert badge(client.get("/m/sample-measure/r/1").get_data(as_text=True)) == "征求意见稿"


def test_the_revision_label_is_english_in_english(app, client):
    make_closed_revision()
    english(client)
    assert badge(client.get("/m/sample-measure/r/1").get_data(as_text=True)) == (
        "Draft for Comments"
    )


def test_a_standard_paragraph_is_cited_in_the_readers_language(app, db):
    revision = make_closed_revision(body=STANDARD, family="std")
    paragraph = next(c for c in revision.clauses if c.key == "1.p2")
    assert paragraph.citation_in("zh") == "1 第2段"
    assert paragraph.citation_in("en") == "Clause 1, paragraph 2"
