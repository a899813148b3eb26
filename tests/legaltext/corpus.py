"""The real-regulation corpus in ../shared/corpus, for the importer tests."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from app.legaltext import Document, parse

CORPUS = Path(
    os.environ.get("ZQ_CORPUS_DIR") or Path(__file__).resolve().parents[3] / "shared" / "corpus"
)


def corpus_expected() -> dict[str, dict]:
    """expected.json of the corpus, or {} when the corpus is not beside the project."""
    path = CORPUS / "expected.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def corpus_names() -> list:
    """Corpus file names for parametrize; one skipped entry when the corpus is absent."""
    names = sorted(corpus_expected())
    if names:
        return names
    reason = f"../shared/corpus is absent: {CORPUS} (set ZQ_CORPUS_DIR to run these tests)"
    return [pytest.param(None, marks=pytest.mark.skip(reason=reason))]


@functools.cache
def corpus_text(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


@functools.cache
def corpus_doc(name: str) -> Document:
    return parse(corpus_text(name))


def require(name: str) -> None:
    """Skip the calling test when the corpus file is absent."""
    if not (CORPUS / name).is_file():
        pytest.skip(f"../shared/corpus is absent: {CORPUS} (set ZQ_CORPUS_DIR to run this test)")
