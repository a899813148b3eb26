"""app.feedback.files stays pure Python: no Flask, no SQLAlchemy, importable on its own."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "app" / "feedback" / "files"

# app/__init__.py builds the Flask app; register bare `app` and `app.feedback` packages so that
# only app.feedback.files' own imports run, then import every module, write a form and read it.
PROBE = """
import importlib, pkgutil, sys, types
root = sys.argv[1]
for name, path in (("app", "/app"), ("app.feedback", "/app/feedback")):
    shell = types.ModuleType(name)
    shell.__path__ = [root + path]
    sys.modules[name] = shell
import app.feedback.files as files
for info in pkgutil.walk_packages(files.__path__, "app.feedback.files."):
    importlib.import_module(info.name)
spec = files.FormSpec(title="T", revision_label="", language="en", identifier="m/r1",
                      citations=["Article 1"])
files.read_form(files.write_form_xlsx(spec), "form.xlsx", max_bytes=10_000_000)
try:
    files.read_form(b"not a form", "form.docx", max_bytes=10_000_000)
except files.FormRefused:
    pass
banned = {"flask", "sqlalchemy", "werkzeug", "wtforms"}
print(",".join(sorted(
    name for name in sys.modules
    if name.split(".")[0] in banned or name.startswith("flask_")
    or (name.startswith("app.") and not name.startswith(("app.feedback", "app.legaltext")))
    or (name.startswith("app.feedback.") and not name.startswith("app.feedback.files"))
)))
"""


def test_feedback_files_import_neither_flask_nor_sqlalchemy():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(PACKAGE.parents[2])],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == ""


def test_the_feedback_package_is_pure():
    imported = set()
    for path in PACKAGE.rglob("*.py"):
        imported |= _imports(path)
    assert imported - {"__future__", "collections", "dataclasses", "datetime", "hashlib"} - {
        "io", "re", "unicodedata", "warnings", "zipfile"
    } == {"docx", "openpyxl"}  # fmt: skip


def _imports(path):
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names
