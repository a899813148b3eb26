"""The summary table printed through LibreOffice: several pages, the heading row and the
"page X of Y" footer on each, the Chinese text intact.

Needs `soffice` (Debian's libreoffice-writer and libreoffice-calc) and `pdftotext`
(poppler-utils). Skipped without them on a developer's machine; a failure in CI (CI set).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.exports.writers import write_summary_docx, write_summary_xlsx
from tests.exports.samples import long_summary

TITLE = "征求意见汇总处理表"
DOCUMENT = "认证机构管理办法（征求意见稿）"
HEADING = "意见内容"
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"`{name}` not found: install {package} to check the printed summary table"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """The DOCX and the XLSX of a 60-comment Chinese summary, converted in one soffice run."""
    soffice = tool("soffice", "LibreOffice (libreoffice-writer, libreoffice-calc)")
    work = tmp_path_factory.mktemp("pdf")
    summary = long_summary(60)
    sources = {
        "docx": work / "summary-docx.docx",
        "xlsx": work / "summary-xlsx.xlsx",
    }
    sources["docx"].write_bytes(write_summary_docx(summary))
    sources["xlsx"].write_bytes(write_summary_xlsx(summary))
    out = work / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(work / 'lo').as_uri()}",  # never the user's profile
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, sources.values()),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdfs = {kind: out / f"{path.stem}.pdf" for kind, path in sources.items()}
    for kind, pdf in pdfs.items():
        assert pdf.exists(), f"LibreOffice produced no PDF for the {kind}"
    return pdfs


def page_texts(pdf: Path) -> list[str]:
    pdftotext = tool("pdftotext", "poppler-utils")
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    # One form feed ends each page; spacing between CJK glyphs varies with the layout.
    return [re.sub(r"\s+", "", page) for page in text.split("\f")[:-1]]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_printed_summary_has_pages_headings_footer_and_chinese(pdfs, kind):
    pdf = pdfs[kind]
    pages = page_texts(pdf)
    assert len(pages) > 1
    assert len(pages) == len(_PAGE_OBJECT.findall(pdf.read_bytes()))
    assert TITLE in pages[0] and DOCUMENT in pages[0]
    assert "负责起草单位：市场监管总局认证监督管理司" in pages[0]
    for number, page in enumerate(pages, 1):
        assert f"第{number}页共{len(pages)}页" in page, f"{kind}: no footer on page {number}"
        if "条意见：" in page:  # a page of the table (the figures may end on a page of their own)
            assert HEADING in page, f"{kind}: no heading row on page {number}"
    assert sum("条意见：" in page for page in pages) > 1  # the table itself spans pages
    everything = "".join(pages)
    assert "第60条意见" in everything  # the last comment
    assert "④没有回函的单位数" in everything and "待处理" in everything
