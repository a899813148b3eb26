"""Every UI string is translatable and both catalogues translate all of them."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
METHODS = [("app/**.py", "python"), ("templates/**.html", "jinja2")]


def source_messages() -> set[str]:
    found = extract_from_dir(
        str(ROOT), METHODS, keywords={"_": None, "gettext": None, "_l": None, "ngettext": (1, 2)}
    )
    ids = set()
    for _filename, _lineno, message, _comments, _context in found:
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


@pytest.mark.parametrize("language", ["zh", "en"])
def test_catalogue_translates_every_string_in_the_sources(language):
    path = ROOT / "app" / "translations" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    translated = {
        m.id[0] if isinstance(m.id, tuple) else m.id  # a plural entry: by its singular
        for m in catalogue
        if m.id
        and m.string
        and not m.fuzzy
        and all(m.string if isinstance(m.string, tuple) else [m.string])
    }

    missing = sorted(source_messages() - translated)

    assert missing == [], f"run `make extract-messages` and translate: {missing}"
