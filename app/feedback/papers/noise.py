"""What in a letter is not a comment: the letterhead and its title, the salutation (各位领导：),
page numbers, the closing formula (特此函告, 此致 敬礼), the signature block (单位盖章, 联系人,
电话, the date), and lines that quote the draft or an earlier message (> …, 原文：…)."""

from __future__ import annotations

import re

_CN_DIGIT = "〇零一二三四五六七八九十"
DATE = re.compile(
    rf"^\s*(?:[{_CN_DIGIT}○O]{{4}}\s*年\s*[{_CN_DIGIT}]{{1,3}}\s*月\s*[{_CN_DIGIT}]{{1,3}}\s*日"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*[。.]?\s*$"
)
CONTACT = re.compile(
    r"^\s*(?:\(?（?(?:单位)?(?:公章|盖章)）?\)?|[^，。]{0,12}[（(]\s*(?:盖章|公章|章)\s*[）)]"
    r"|(?:联\s*系\s*人|联系电话|电\s*话|手\s*机|传\s*真|邮\s*箱|电子邮箱|e-?mail|地\s*址|"
    r"邮\s*编|邮政编码|签\s*名|签\s*字|负责人|经办人|填表人|报送单位|单位名称|抄\s*送|印\s*发)"
    r"\s*[：:（(].*)$",
    re.IGNORECASE,
)
CLOSING = re.compile(
    r"^\s*(?:此致|敬礼|此致敬礼|特此函告|特此函复|特此复函|特此报告|特此说明|特此反馈|以上意见(?:及建议)?"
    r"[，,]?(?:供参考|请参考|请酌|请予?考虑|妥否|请审阅)|妥否，?请[批指]示|谢谢|感谢[^。]{0,20}[！!]?)"
    r"\s*[。！!]?\s*$"
)
# A closing formula at the end of the last point: "……建议删除。特此函告。"
TRAILING_CLOSING = re.compile(
    r"(?<=[。！!；;])\s*(?:特此函告|特此函复|特此复函|特此说明|特此反馈|此致\s*敬礼|以上意见[^。]{0,12})[。！!]?\s*$"
)
QUOTED = re.compile(r"^\s*(?:>|＞|》(?!》)|(?:原文|原条文|原稿|征求意见稿原文|来函|原函)\s*[：:])")
SALUTATION = re.compile(r"^\s*(?:尊敬的)?[^，。；;]{1,30}[：:]\s*$")
# 现将我单位意见反馈如下： — the sentence that announces the points, not one of them
INTRODUCTION = re.compile(
    r"(?:如下|以下|下表|附表)[^。；;，,]{0,12}[：:]\s*$|(?:意见|建议|函告|反馈)如下[。：:]?\s*$|意见见下表[。：:]?$"
)
LETTER_TITLE = re.compile(r"(?:意见|建议|函|复函|回函|意见书|反馈)(?:[（(][^）)]*[）)])?\s*$")
DOCUMENT_NUMBER = re.compile(r"[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号")


def is_quote(line: str) -> bool:
    return bool(QUOTED.match(line))


def is_signature(line: str) -> bool:
    """A date, a stamp or a contact line: the signature block, wherever it is."""
    return bool(DATE.match(line) or CONTACT.match(line))


def is_closing(line: str) -> bool:
    return bool(CLOSING.match(line))


def is_salutation(line: str) -> bool:
    """各位领导： / 中国质量认证中心： — short, ends in a colon, names someone, says nothing."""
    return bool(SALUTATION.match(line)) and not re.search(r"[如下以]下?[：:]\s*$", line)


def is_introduction(line: str) -> bool:
    return bool(INTRODUCTION.search(line)) and len(line) < 200


def is_letterhead(line: str) -> bool:
    """The sender's name, the document number (质认协函〔2026〕12号), the letter's title."""
    if DOCUMENT_NUMBER.search(line) and len(line) < 60:
        return True
    return (
        len(line) <= 80
        and not re.search(r"[。；;！!？?]", line)
        and (bool(LETTER_TITLE.search(line)) or line.startswith("关于《"))
    )


def without_trailing_closing(text: str) -> str:
    return TRAILING_CLOSING.sub("", text).rstrip()
