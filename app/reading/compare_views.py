"""The 修改前后对照表 of two revisions: the page and its downloads (DOCX, XLSX).

Public when both revisions are published (measure_revisions gives visitors only those); the
staff also compare unpublished ones and see the answers that explain each row. The rows
(texts and marks) are rendered once per pair and kept in the reading pages' fragment cache,
keyed by what they depend on (the texts' checksums, the links); each request then only writes
the staff's answers into the row slots (``<!--zq-answers:N-->``), like the revision page's
comment counts.
"""

from __future__ import annotations

import re

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.comments.rules import can_read_all_comments
from app.core.extensions import db
from app.core.filetypes import attachment
from app.core.i18n import current_language
from app.core.timeutil import to_local, utcnow, zone
from app.exports.downloads import record_download
from app.measures.reading import fragments
from app.reading.blueprint import bp
from app.reading.compare_files import FORMATS, compare_file
from app.reading.comparison import (
    ROW_KIND_LABELS,
    chain_of,
    compare,
    links_signature,
    row_answers_of,
    texts_language,
)
from app.reading.loaders import measure_revisions

ANSWERS_SLOT = re.compile(rb"<!--zq-answers:(\d+|head)-->")


def compared_chain(slug: str, old: int, new: int):
    """The measure and the revisions ``old`` … ``new`` the current user may see; 404 when one
    is missing or hidden, 400 when ``old`` is not before ``new``."""
    found, revisions = measure_revisions(slug)
    if old >= new:
        abort(
            400,
            description=_(
                "Compare a revision with a later one: %(old)d...%(new)d.", old=old, new=new
            ),
        )
    chain = chain_of(revisions, old, new)
    if chain is None:
        abort(404)
    return found, chain


def wanted_language() -> str:
    chosen = request.args.get("text")
    return chosen if chosen in ("zh", "en") else current_language()


def _cache_key(chain, language: str) -> tuple:
    return (
        "compare",
        tuple(
            (r.id, r.created_at, r.source_sha256, r.source_en_sha256, r.is_published) for r in chain
        ),
        links_signature(chain),
        language,
        current_language(),
    )


@bp.get("/m/<slug>/compare/<int:old>...<int:new>", endpoint="compare")
def compare_page(slug: str, old: int, new: int):
    if old > new:
        return redirect(url_for(".compare", slug=slug, old=new, new=old, **request.args))
    found, chain = compared_chain(slug, old, new)
    language = texts_language(chain, wanted_language())

    def render_rows():
        comparison = compare(chain, language=language)
        html = render_template(
            "measures/_compare_rows.html",
            comparison=comparison,
            measure=found,
            kind_labels=ROW_KIND_LABELS,
        )
        return html.encode(), comparison.counts, comparison.unchanged, comparison.rows_of

    rows_html, counts, unchanged, rows_of = fragments.get_or_render(
        _cache_key(chain, language), render_rows
    )
    staff = can_read_all_comments(current_user)
    answers = row_answers_of(chain, rows_of) if staff else {}

    numbers = {r.id: r.number for r in chain}
    empty = b'<div class="compare-row__answers"></div>'

    def fill(match: re.Match) -> bytes:
        if not staff:
            return b""
        slot = match.group(1)
        if slot == b"head":
            return render_template("measures/_compare_answers_head.html").encode()
        shown = answers.get(int(slot))
        if not shown:
            return empty
        return render_template(
            "measures/_compare_answers.html", answers=shown, numbers=numbers, slug=slug
        ).encode()

    return render_template(
        "measures/compare.html",
        measure=found,
        old=chain[0],
        new=chain[-1],
        language=language,
        counts=counts,
        unchanged=unchanged,
        kind_labels=ROW_KIND_LABELS,
        staff=staff,
        rows=Markup(ANSWERS_SLOT.sub(fill, rows_html).decode()),  # noqa: S704 (rendered, escaped)
        formats=FORMATS,
    )


@bp.get("/m/<slug>/compare/<int:old>...<int:new>.<fmt>")
def compare_download(slug: str, old: int, new: int, fmt: str):
    if fmt not in FORMATS:
        abort(404)
    found, chain = compared_chain(slug, old, new)
    language = texts_language(chain, wanted_language())
    comparison = compare(chain, language=language)
    staff = can_read_all_comments(current_user)
    answers = row_answers_of(chain, comparison.rows_of) if staff else None
    today = to_local(utcnow(), zone()).date()
    output = compare_file(found, comparison, fmt, answers=answers, today=today)
    if staff:  # the staff's edition carries the answers, drafts included: recorded
        record_download(
            user=current_user,
            revision=chain[-1],
            output=output,
            options={"compare": f"{old}...{new}", "language": language},
            now=utcnow(),
        )
        db.session.commit()
    return attachment(output)
