"""The compare page on the demo: the 征求意见稿 and the 第二稿 of 认证人员管理办法 (drafts/),
as a newcomer opens it from the measure's page, in Chinese and in English."""

from __future__ import annotations

import re

from tests.pages import text

URL = "/m/certified-personnel/compare/1...2"


def counts(html: str) -> dict[str, int]:
    return {
        kind: int(number)
        for kind, number in re.findall(
            r'<li class="kind kind--([a-z]+)">[^<]*<strong>(\d+)</strong>', html
        )
    }


def test_the_demos_second_draft_against_the_first(demo, client):
    html = text(client.get(URL))

    assert counts(html) == {
        "modified": 7,
        "split": 1,
        "merged": 1,
        "new": 4,
        "deleted": 1,
        "renumbered": 16,
        "same": 24,
    }
    assert 'id="row-art45"' in html  # 第四十四条 split into 第四十五条 and 第四十六条
    split = html[html.index('id="row-art45"') :].split('<div class="compare-row ', 1)[0]
    assert "原第四十四条" in split and "/m/certified-personnel/r/2/c/art46" in split
    assert 'id="row-deleted-art49"' in html
    assert "<ins>注册有效期内累计不少于七十二学时，其中每年不少于十六</ins>" in html
    assert f'href="{URL}">与上一稿对照</a>' in text(client.get("/m/certified-personnel"))


def test_the_english_texts_are_compared_word_by_word(demo, client):
    html = text(client.get(f"{URL}?text=en"))

    marks = re.findall(r"<(ins|del)>(.*?)</\1>", html)
    assert ("del", "twenty-four") in marks and ("ins", "seventy-two") in marks
    # a mark starts and ends at a word's edge: no word is cut by a change
    assert not re.findall(r"[A-Za-z]</?(?:ins|del)>[A-Za-z]", html)
    assert "原Article 44" in html
    english = [m for m in marks if m[1] not in ("增加的文字", "删去的文字")]
    assert english, "marks in the English texts"
