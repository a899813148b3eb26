"""What changed between two texts of a clause, marked inside the text.

Pure Python. Chinese is compared character by character (diff-match-patch, then its semantic
cleanup, so that a rewritten phrase reads as one deletion and one insertion rather than a
scatter of shared characters); English word by word, so that a changed word is marked whole.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
_OPS = {diff_match_patch.DIFF_EQUAL: EQUAL, diff_match_patch.DIFF_INSERT: INSERT}
_OPS[diff_match_patch.DIFF_DELETE] = DELETE
# A word, a run of white space, or one other character: the units of an English diff.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def diff(old: str, new: str, language: str = "zh") -> list[tuple[str, str]]:
    """``[(op, text), …]`` turning ``old`` into ``new``; op is "equal", "insert" or "delete".
    ``language`` "en" compares words, any other language characters."""
    engine = diff_match_patch()
    engine.Diff_Timeout = 1.0  # a long article still answers in time; the result stays valid
    if language == "en":
        changes = _word_diff(engine, old, new)
    else:
        changes = engine.diff_main(old, new)
        engine.diff_cleanupSemantic(changes)
    return _merged([(_OPS[op], text) for op, text in changes if text])


def _word_diff(engine: diff_match_patch, old: str, new: str):
    """diff-match-patch over words: each distinct token stands for one character."""
    codes: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for token in _TOKENS.findall(text):
            if token not in codes:
                codes[token] = chr(0xE000 + len(tokens))  # the private use area and on
                tokens.append(token)
            out.append(codes[token])
        return "".join(out)

    encoded = engine.diff_main(encode(old), encode(new), False)
    engine.diff_cleanupSemantic(encoded)  # on words: a shared "the" does not split a change
    return [(op, "".join(tokens[ord(ch) - 0xE000] for ch in text)) for op, text in encoded]


def _merged(changes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Adjacent runs of the same op joined: one mark per change."""
    merged: list[tuple[str, str]] = []
    for op, text in changes:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        else:
            merged.append((op, text))
    return merged
