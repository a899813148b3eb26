"""Keep both UI catalogues complete after `make extract-messages`.

English msgids are the source strings, so the English catalogue's translations are the msgids
themselves; this fills them in. Chinese translations are written by hand in
app/translations/zh/LC_MESSAGES/messages.po; this lists any that are missing and exits 1.
Usage: python scripts/catalogues.py [TRANSLATIONS.json ...]
Each JSON file ({"English msgid": "中文"}) is merged into the Chinese catalogue first.
"""

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent / "app" / "translations"


def load(language: str):
    with open(ROOT / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def save(language: str, catalogue) -> None:
    with open(ROOT / language / "LC_MESSAGES" / "messages.po", "wb") as handle:
        write_po(handle, catalogue, omit_header=False, sort_output=True, no_location=True)


def merge(paths: list[str]) -> None:
    chinese = load("zh")
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            translations = json.load(handle)
        for message in chinese:
            # A plural entry is looked up by its singular msgid; Chinese has one form.
            plural = isinstance(message.id, tuple)
            key = message.id[0] if plural else message.id
            if key in translations:
                message.string = (translations[key],) if plural else translations[key]
                message.flags.discard("fuzzy")
    save("zh", chinese)


def main() -> int:
    merge(sys.argv[1:])
    english = load("en")
    for message in english:
        if isinstance(message.id, tuple):
            if not all(message.string):
                message.string = message.id  # singular and plural as written
        elif message.id and not message.string:
            message.string = message.id
    save("en", english)
    missing = [
        m.id
        for m in load("zh")
        if m.id and (not m.string or m.fuzzy or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    for msgid in missing:
        print(f"zh: untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
