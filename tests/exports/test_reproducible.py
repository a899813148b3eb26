"""The same summary gives the same bytes: in one process, in another (other hash seed, other
clock), with the summary's date in the files' timestamps. The writers stay pure."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from app.exports.writers import (
    write_iso_xlsx,
    write_summary_csv,
    write_summary_docx,
    write_summary_json,
    write_summary_xlsx,
)
from tests.exports.samples import chinese_summary, english_summary, iso_sheet

ROOT = Path(__file__).resolve().parents[2]
FIXED = datetime(2024, 5, 20)

WRITERS = {
    "xlsx": write_summary_xlsx,
    "docx": write_summary_docx,
    "csv": write_summary_csv,
    "json": write_summary_json,
}


@pytest.mark.parametrize("name", WRITERS)
def test_same_summary_same_bytes(name):
    write = WRITERS[name]
    assert write(chinese_summary()) == write(chinese_summary())
    assert write(english_summary()) == write(english_summary())


@pytest.mark.parametrize(
    "write", [write_summary_xlsx, write_summary_docx, lambda _: write_iso_xlsx(iso_sheet())]
)
def test_zip_entries_and_core_properties_carry_the_summary_date(write):
    data = write(chinese_summary())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 5, 20, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2024-05-20T00:00:00Z") == 2  # created and modified


def test_dates_in_core_properties_read_back():
    assert (
        load_workbook(io.BytesIO(write_summary_xlsx(chinese_summary()))).properties.created == FIXED
    )
    properties = Document(io.BytesIO(write_summary_docx(chinese_summary()))).core_properties
    assert properties.created.replace(tzinfo=None) == FIXED
    assert properties.modified.replace(tzinfo=None) == FIXED


# Registers a bare `app` package (as tests/legaltext/test_purity.py does) so that only the
# writers' own imports run, then prints the banned modules loaded and each file's SHA-256.
PROBE = """
import hashlib, json, sys, types
root = sys.argv[1]
sys.path.insert(0, root)
shell = types.ModuleType("app")
shell.__path__ = [root + "/app"]
sys.modules["app"] = shell
from app.exports import writers
from tests.exports.samples import chinese_summary, iso_sheet
summary = chinese_summary()
files = {
    "xlsx": writers.write_summary_xlsx(summary),
    "docx": writers.write_summary_docx(summary),
    "csv": writers.write_summary_csv(summary),
    "json": writers.write_summary_json(summary),
    "iso": writers.write_iso_xlsx(iso_sheet()),
}
banned = {"flask", "sqlalchemy", "flask_sqlalchemy", "werkzeug"}
print(json.dumps({
    "banned": sorted(n for n in sys.modules if n.split(".")[0] in banned),
    "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
}))
"""


def run_probe(seed: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
        timeout=120,
    )
    return json.loads(result.stdout)


def test_writers_are_pure_and_reproducible_across_processes():
    """Another process (other hash seed, other clock) gives the same SHA-256 for every file."""
    first, second = run_probe("1"), run_probe("2")
    assert first["banned"] == []
    assert first["sha256"] == second["sha256"]
    here = {
        "xlsx": write_summary_xlsx(chinese_summary()),
        "json": write_summary_json(chinese_summary()),
    }
    for name, data in here.items():
        assert first["sha256"][name] == hashlib.sha256(data).hexdigest()
