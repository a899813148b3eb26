"""Chapters under parts (编): restarting in each part (刑法) or numbered on through the parts
(民事诉讼法: 第二编 opens at 第十二章); a chapter that truly skips or repeats is still refused."""

import pytest

from app.legaltext import ParseError, parse

# The civil procedure law's outline (2023): eleven chapters in 第一编, 第二编 opens at 第十二章.
CIVIL_PROCEDURE_CHAPTERS = (
    "任务、适用范围和基本原则",
    "管辖",
    "审判组织",
    "回避",
    "诉讼参加人",
    "证据",
    "期间、送达",
    "调解",
    "保全和先予执行",
    "对妨害民事诉讼的强制措施",
    "诉讼费用",
)
NUMERALS = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
]


def civil_procedure(after: str = "") -> str:
    lines = ["# 中华人民共和国民事诉讼法", "", "## 第一编　总　则", ""]
    for n, caption in enumerate(CIVIL_PROCEDURE_CHAPTERS, start=1):
        lines += [f"### 第{NUMERALS[n - 1]}章　{caption}", "", f"第{NUMERALS[n - 1]}条 条文。", ""]
    lines += [
        "## 第二编　审判程序",
        "",
        "### 第十二章　第一审普通程序",
        "",
        "#### 第一节　起诉和受理",
        "",
        "第十二条 起诉必须符合下列条件：",
        "",
        "（一）原告是与本案有直接利害关系的公民、法人和其他组织；",
        "",
        "（二）有明确的被告。",
        "",
        "#### 第二节　审理前的准备",
        "",
        "第十三条 人民法院应当在立案之日起五日内将起诉状副本发送被告。",
        "",
        "第十三章简易程序",  # no space after the number: still a heading, it runs on
        "",
        "第十四条 基层人民法院审理事实清楚的简单民事案件，适用本章规定。",
        "",
    ]
    return "\n".join(lines) + after


CRIMINAL_CODE = """# 中华人民共和国刑法

## 第一编　总　则

### 第一章　刑法的任务、基本原则和适用范围

第一条 为了惩罚犯罪，保护人民，根据宪法，结合我国同犯罪作斗争的具体经验及实际情况，制定本法。

### 第二章　犯　罪

#### 第一节　犯罪和刑事责任

第二条 明知自己的行为会发生危害社会的结果，并且希望或者放任这种结果发生，因而构成犯罪的，是故意犯罪。

## 第二编　分　则

### 第一章　危害国家安全罪

第三条 勾结外国，危害中华人民共和国的主权、领土完整和安全的，处无期徒刑或者十年以上有期徒刑。

### 第二章　危害公共安全罪

第四条 放火、决水、爆炸以及投放毒害性、放射性、传染病病原体等物质或者以其他危险方法危害公共安全，尚未造成严重后果的，处三年以上十年以下有期徒刑。
"""


def _error(text: str) -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse(text)
    return caught.value


def _line_of(text: str, words: str) -> int:
    return text.split("\n").index(words) + 1


def test_chapters_numbered_on_through_the_parts_are_read():
    doc = parse(civil_procedure())
    clauses = doc.by_key()
    chapters = [c.key for c in doc.clauses if c.kind == "chapter"]
    assert chapters[-3:] == ["pt1.ch11", "pt2.ch12", "pt2.ch13"]
    twelve = clauses["pt2.ch12"]
    assert (twelve.label, twelve.caption, twelve.parent) == ("第十二章", "第一审普通程序", "pt2")
    assert twelve.citation == "第二编第十二章"
    assert clauses["pt2.ch12.sec2"].caption == "审理前的准备"
    assert clauses["art12"].parent == "pt2.ch12.sec1"
    assert (clauses["pt2.ch13"].caption, clauses["art14"].parent) == ("简易程序", "pt2.ch13")
    assert doc.counts()["chapters"] == 13
    assert doc.counts()["parts"] == 2


def test_chapters_that_restart_in_each_part_are_still_read():
    doc = parse(CRIMINAL_CODE)
    clauses = doc.by_key()
    assert [c.key for c in doc.clauses if c.kind == "chapter"] == [
        "pt1.ch1",
        "pt1.ch2",
        "pt2.ch1",
        "pt2.ch2",
    ]
    assert (clauses["pt2.ch1"].caption, clauses["pt2.ch1"].citation) == (
        "危害国家安全罪",
        "第二编第一章",
    )
    assert clauses["art4"].parent == "pt2.ch2"


def test_a_part_that_restarts_after_chapters_ran_on_is_refused():
    text = civil_procedure("\n## 第三编　执行程序\n\n### 第一章　一般规定\n\n第十五条 条文。\n")
    error = _error(text)
    assert str(error) == (
        f"line {_line_of(text, '### 第一章　一般规定')}: chapter number goes back: "
        "expected 第十四章 (14), found 第一章 (1)"
    )


def test_a_part_that_runs_on_after_chapters_restarted_is_refused():
    text = CRIMINAL_CODE + "\n## 第三编　附　则\n\n### 第三章　附则\n\n第五条 条文。\n"
    error = _error(text)
    assert str(error) == (
        f"line {_line_of(text, '### 第三章　附则')}: chapter number skips: "
        "expected 第一章 (1), found 第三章 (3)"
    )


def test_the_first_chapter_of_a_later_part_that_fits_neither_way_names_both():
    text = CRIMINAL_CODE.replace("### 第一章　危害国家安全罪", "### 第五章　危害国家安全罪")
    error = _error(text)
    line = _line_of(text, "### 第五章　危害国家安全罪")
    assert str(error) == (
        f"line {line}: chapter number skips: expected 第一章 (1) or 第三章 (3), found 第五章 (5)"
    )
    assert (error.expected, error.found) == ("第一章 or 第三章", "第五章")


def test_a_chapter_repeated_across_parts_is_refused():
    text = CRIMINAL_CODE.replace("### 第一章　危害国家安全罪", "### 第二章　危害国家安全罪")
    error = _error(text)
    assert str(error).endswith(
        "chapter number repeats: expected 第一章 (1) or 第三章 (3), found 第二章 (2)"
    )


def test_a_chapter_that_skips_inside_a_run_on_part_is_refused():
    text = civil_procedure().replace("第十三章简易程序", "### 第十四章　简易程序")
    error = _error(text)
    assert str(error) == (
        f"line {_line_of(text, '### 第十四章　简易程序')}: chapter number skips: "
        "expected 第十三章 (13), found 第十四章 (14)"
    )


def test_forced_import_accepts_a_chapter_that_fits_neither_way():
    text = CRIMINAL_CODE.replace("### 第一章　危害国家安全罪", "### 第五章　危害国家安全罪")
    doc = parse(text, force=True)
    assert "pt2.ch5" in doc.by_key()
