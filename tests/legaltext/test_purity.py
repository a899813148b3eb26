"""app.legaltext stays pure Python: no Flask, no SQLAlchemy, importable on its own."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "legaltext"

# The lead's app/__init__.py builds the Flask app; register a bare `app` package so that only
# app.legaltext's own imports run, then import every module and parse a draft.
PROBE = """
import importlib, pkgutil, sys, types
root = sys.argv[1]
shell = types.ModuleType("app")
shell.__path__ = [root + "/app"]
sys.modules["app"] = shell
import app.legaltext as legaltext
for info in pkgutil.walk_packages(legaltext.__path__, "app.legaltext."):
    importlib.import_module(info.name)
legaltext.parse("第一条 甲。")
legaltext.to_markdown(legaltext.parse("Article 1\\nOne."))
try:
    legaltext.read_docx(b"not a docx")
except legaltext.ParseError:
    pass
banned = {"flask", "sqlalchemy", "flask_sqlalchemy", "werkzeug"}
print(",".join(sorted(name for name in sys.modules if name.split(".")[0] in banned)))
"""


def test_legaltext_imports_neither_flask_nor_sqlalchemy():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(PACKAGE.parents[1])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == ""


def test_legaltext_imports_only_the_standard_library_and_its_named_libraries():
    imported = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module.split(".")[0])
    # The standard library, python-docx (reading .docx), and the libraries the brief names for
    # alignment and diffs: rapidfuzz, scipy (with numpy), diff-match-patch.
    allowed = {"docx", "rapidfuzz", "scipy", "numpy", "diff_match_patch"}
    assert imported - set(sys.stdlib_module_names) <= allowed
    assert "docx" in imported
