"""What a comment asks, read from a few words: whether it supports the clause as drafted, asks
to change it, asks a question, and the direction of a change (more or less of a period, of
hours, of a fine). Both grouping tiers use it to keep apart comments that share their words
but make opposite points (三年过短，建议延长 / 三年合适，不宜延长). Pure Python."""

from __future__ import annotations

import re

# The direction of an ask about a quantity (a period, hours, a fine, a number of people): "more"
# and "less" comments on one clause make opposite points however many words they share.
_NEGATION = r"(?:不宜|不应当?|不能|不必|无需|无须|不需要|不要|不得|不)"
_MORE = r"延长|提高|增加|放宽|加大|扩大|(?:过|偏|太)(?:短|低|少|窄|松)|过于宽松"
_LESS = r"缩短|降低|减少|减轻|收紧|降为|(?:过|偏|太)(?:长|高|多|重|严)|过于严格|过于宽泛"
_DIRECTION = re.compile(rf"({_NEGATION})?(?:({_MORE})|({_LESS}))")
# Agreement with the clause as drafted, against comments that ask to change it.
_SUPPORT = re.compile(r"赞成|(?<!不)合理|(?<!不)合适|予以保留|建议保留|维持")
_QUESTION = re.compile(r"\?|如何|是否|什么|何为|何时|多长|多久|哪些|怎么")
_NEGATED_CHANGE = re.compile(rf"{_NEGATION}(?:{_MORE}|{_LESS})")
_CHANGE = re.compile(rf"改为|修改|调整|取消|删除|放开|{_NEGATION}(?:要求|应|宜)|{_MORE}|{_LESS}")


def stance(text: str) -> tuple[bool, bool, bool, int]:
    """(supports the clause, asks to change it, asks a question, direction: +1 more, -1 less,
    0 none or both)."""
    ups = downs = 0
    for match in _DIRECTION.finditer(text):
        more = match.group(2) is not None
        if match.group(1):  # 不宜延长 asks for less, not more
            more = not more
        ups, downs = (ups + 1, downs) if more else (ups, downs + 1)
    direction = (ups > 0) - (downs > 0)
    # 不能降低 keeps the clause as it is: a negated change is no ask for change.
    kept = _NEGATED_CHANGE.sub("", text)
    supports = _SUPPORT.search(text) is not None or kept != text
    changes = _CHANGE.search(_SUPPORT.sub("", kept)) is not None
    return supports, changes, _QUESTION.search(text) is not None, direction


def opposed(a: tuple, b: tuple) -> bool:
    """Two stances that make different points: more against less, or a comment that only
    supports the clause against one that asks to change it or asks a question about it."""
    if a[3] * b[3] < 0:
        return True
    support_a, support_b = a[0] and not (a[1] or a[2]), b[0] and not (b[1] or b[2])
    other_a, other_b = (a[1] or a[2]) and not a[0], (b[1] or b[2]) and not b[0]
    return (support_a and other_b) or (support_b and other_a)
