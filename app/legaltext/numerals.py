"""Numerals of legal texts: Chinese (第一百零一条), Roman (Part IV), letters (item (c)).

Every reader raises ValueError for text it cannot read; callers turn that into a ParseError
with a line number.
"""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_DIGITS = "零一二三四五六七八九"
# Full-width digits (第１２条) are read as ASCII digits.
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

#: Characters that may appear in a Chinese-style number; used by the line patterns.
CN_NUMERAL_WORDS = "一二三四五六七八九十百千万零〇○两"  # the numerals written as words
CN_NUMERAL_CHARS = CN_NUMERAL_WORDS + "0123456789０１２３４５６７８９"

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _below_10000(text: str, whole: str) -> int:
    """Read 一千零一十 style numbers below 10000; the unit ladder must descend."""
    if not text:
        raise ValueError(f"not a Chinese numeral: {whole!r}")
    total, pending, last_unit, after_zero = 0, None, 10000, False
    for i, char in enumerate(text):
        if char in _DIGITS:
            value = _DIGITS[char]
            if value == 0:
                if pending is not None or after_zero:
                    raise ValueError(f"misplaced 零 in {whole!r}")
                after_zero = True
                continue
            if pending is not None:
                raise ValueError(f"two digits in a row in {whole!r}")
            pending = value
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit >= last_unit:
                raise ValueError(f"units out of order in {whole!r}")
            if pending is None:
                # Only a leading 十 stands for 一十 (十一 = 11); 百 alone is not a number.
                if unit != 10 or i != 0:
                    raise ValueError(f"unit without a digit in {whole!r}")
                pending = 1
            total += pending * unit
            pending, last_unit, after_zero = None, unit, False
        else:
            raise ValueError(f"not a Chinese numeral: {whole!r}")
    if pending is not None:
        # A trailing digit is the ones digit only after 十 or 零: 一百零五 = 105, while the
        # colloquial 一百五 (150) is not legal style and is refused rather than guessed.
        if last_unit not in (10, 10000) and not after_zero:
            raise ValueError(f"ambiguous numeral {whole!r} (write 一百零五 or 一百五十)")
        total += pending
    elif after_zero:
        raise ValueError(f"numeral ends in 零: {whole!r}")
    return total


def cn_to_int(text: str) -> int:
    """Read a Chinese numeral (一百零一, 两, 〇), or ASCII/full-width digits, as an int."""
    stripped = text.strip().translate(_FULLWIDTH)
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    if not stripped:
        raise ValueError("empty numeral")
    if len(stripped) == 1 and stripped in _DIGITS:
        return _DIGITS[stripped]
    # Digit-by-digit numbers without units (二〇二一) read positionally.
    if len(stripped) > 1 and all(ch in _DIGITS for ch in stripped):
        return int("".join(str(_DIGITS[ch]) for ch in stripped))
    if "万" in stripped:
        high, _, low = stripped.partition("万")
        if not high:
            raise ValueError(f"万 without a digit in {text!r}")
        low_value = 0
        if low:
            # 一万零五 = 10005; 一万五 is refused like 一百五.
            low_value = _below_10000(low.removeprefix("零"), text) if low != "零" else 0
        return _below_10000(high, text) * 10000 + low_value
    return _below_10000(stripped, text)


def int_to_cn(number: int) -> str:
    """Write a number in legal style: 10 -> 十, 110 -> 一百一十, 1010 -> 一千零一十."""
    if number < 0:
        raise ValueError("negative numbers have no Chinese legal form")
    if number == 0:
        return "零"
    if number >= 10000:
        high, low = divmod(number, 10000)
        head = int_to_cn(high) + "万"
        if not low:
            return head
        # A gap in the thousands place is spoken: 一万零五十.
        return head + ("零" if low < 1000 else "") + _long_form(low)
    if 10 <= number < 20:
        return "十" + (_CN_DIGITS[number - 10] if number > 10 else "")
    return _long_form(number)


def _long_form(number: int) -> str:
    """Write 1..9999 with every unit spelled (一十 inside larger numbers: 一百一十)."""
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_CN_DIGITS[digit] + unit)
    return "".join(parts)


def roman_to_int(text: str) -> int:
    """Read a Roman numeral (I, iv, XLII); case does not matter."""
    value = text.strip()
    if not value or not _ROMAN.fullmatch(value):
        raise ValueError(f"not a Roman numeral: {text!r}")
    total, previous = 0, 0
    for char in reversed(value.upper()):
        digit = _ROMAN_VALUES[char]
        total += -digit if digit < previous else digit
        previous = max(previous, digit)
    return total


def int_to_roman(number: int) -> str:
    """Write 1..3999 as an upper-case Roman numeral."""
    if not 0 < number < 4000:
        raise ValueError(f"{number} has no Roman form")
    out = []
    for value, symbol in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)


def letter_to_int(text: str) -> int:
    """Read an item letter: a -> 1, z -> 26, aa -> 27 (as legislation continues after z)."""
    value = text.strip().lower()
    if not value or not value.isascii() or not value.isalpha():
        raise ValueError(f"not an item letter: {text!r}")
    if len(value) == 1:
        return ord(value) - 96
    if len(value) == 2 and value[0] == value[1]:
        return 26 + ord(value[0]) - 96
    raise ValueError(f"not an item letter: {text!r}")


def int_to_letter(number: int) -> str:
    """Write an item number as a letter: 1 -> a, 27 -> aa."""
    if not 0 < number <= 52:
        raise ValueError(f"{number} has no item letter")
    if number <= 26:
        return chr(96 + number)
    return chr(96 + number - 26) * 2


def roman_or_none(token: str) -> int | None:
    """A Roman numeral's value, or None when ``token`` is not one."""
    try:
        return roman_to_int(token)
    except ValueError:
        return None


def arabic_or_roman(token: str) -> int | None:
    """12 or XII as 12; None when ``token`` is neither (English Parts, Annexes, citations)."""
    return int(token) if token.isdigit() else roman_or_none(token)
