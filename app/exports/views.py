"""Downloads of a revision's outputs: the summary and handling table and the ISO sheet, for
everyone who reads every comment (team, reviewers, officials, admins); each one recorded."""

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask_login import current_user, login_required

from app.accounts.permissions import require
from app.comments.rules import can_read_all_comments
from app.core.extensions import db
from app.core.filetypes import OutputFile, attachment
from app.core.i18n import current_language
from app.core.timeutil import to_local, utcnow, zone
from app.exports.adoption import adoption_report as build_adoption_report
from app.exports.downloads import (
    SUMMARY_FORMATS,
    cumulative_file,
    cumulative_revisions,
    iso_file,
    record_download,
    summary_file,
)
from app.exports.queries import recent_downloads
from app.exports.summary import LANGUAGES, SummaryOptions
from app.feedback.loaders import addressed_unit
from app.feedback.outgoing import FORM_FORMATS, filled_in_for, form_file
from app.measures.loaders import published_revision
from app.triage.consistency import check as consistency_check
from app.triage.consistency_views import consistency_context
from app.triage.landings import next_revision
from app.triage.models import DISPOSITION_LABELS

bp = Blueprint("exports", __name__)


def options_from(args) -> SummaryOptions:
    """The choices of the download page, from the query string; unknown values are ignored
    (the defaults stand), so a download link can never fail on its options."""
    language = args.get("lang") if args.get("lang") in LANGUAGES else "zh"
    return SummaryOptions(
        language=language,
        answered_only=args.get("answered") == "1",
        names=args.get("names") != "0",
    )


def handed_out(revision, output: OutputFile, options: dict) -> Response:
    """Record the download, then send the file."""
    now = utcnow()
    record_download(user=current_user, revision=revision, output=output, options=options, now=now)
    db.session.commit()
    return attachment(output)


@bp.get("/m/<slug>/r/<int:number>/downloads")
@require(can_read_all_comments)
def downloads(slug: str, number: int):
    revision = published_revision(slug, number)
    options = options_from(request.args)
    query = options.as_dict()
    links = [
        (fmt.upper(), url_for(".summary", slug=slug, number=number, fmt=fmt, **_args(query)))
        for fmt in SUMMARY_FORMATS
    ]
    covered = cumulative_revisions(revision)
    cumulative_links = [
        (fmt.upper(), url_for(".cumulative", slug=slug, number=number, fmt=fmt, **_args(query)))
        for fmt in SUMMARY_FORMATS
    ]
    return render_template(
        "exports/downloads.html",
        revision=revision,
        measure=revision.measure,
        options=options,
        links=links,
        cumulative_links=cumulative_links if len(covered) > 1 else [],
        covered=covered,
        iso_link=url_for(".iso_sheet", slug=slug, number=number, **_args(query)),
        history=recent_downloads(revision),
    )


def _args(options: dict) -> dict:
    return {
        "lang": options["language"],
        "answered": "1" if options["answered_only"] else "0",
        "names": "1" if options["names"] else "0",
    }


@bp.get("/m/<slug>/r/<int:number>/downloads/summary.<fmt>")
@require(can_read_all_comments)
def summary(slug: str, number: int, fmt: str):
    revision = published_revision(slug, number)
    if fmt not in SUMMARY_FORMATS:
        abort(404)
    options = options_from(request.args)
    today = to_local(utcnow(), zone()).date()
    output = summary_file(revision, options, fmt, today=today)
    return handed_out(revision, output, options.as_dict())


@bp.get("/m/<slug>/r/<int:number>/downloads/summary-cumulative.<fmt>")
@require(can_read_all_comments)
def cumulative(slug: str, number: int, fmt: str):
    """The summary of every published revision up to this one, in one file."""
    revision = published_revision(slug, number)
    if fmt not in SUMMARY_FORMATS:
        abort(404)
    options = options_from(request.args)
    today = to_local(utcnow(), zone()).date()
    output = cumulative_file(revision, options, fmt, today=today)
    return handed_out(revision, output, options.as_dict())


@bp.get("/m/<slug>/r/<int:number>/downloads/iso-comments.xlsx")
@require(can_read_all_comments)
def iso_sheet(slug: str, number: int):
    revision = published_revision(slug, number)
    options = options_from(request.args)
    today = to_local(utcnow(), zone()).date()
    return handed_out(revision, iso_file(revision, options, today=today), options.as_dict())


@bp.get("/m/<slug>/r/<int:number>/feedback-form.<fmt>")
@login_required
def feedback_form(slug: str, number: int, fmt: str):
    """The feedback form to fill offline: a participant's has their unit, name and e-mail
    filled in; the team may name a unit (?unit=ID) to send it a form with its name."""
    revision = published_revision(slug, number)
    if fmt not in FORM_FORMATS:
        abort(404)
    language = request.args.get("lang") if request.args.get("lang") in LANGUAGES else "zh"
    details = filled_in_for(current_user, addressed_unit(current_user, request.args.get("unit")))
    output = form_file(revision, fmt, language=language, **details)
    return handed_out(revision, output, {"language": language, **details})


@bp.get("/m/<slug>/r/<int:number>/adoption")
def adoption_report(slug: str, number: int):
    """意见采纳情况说明: public once the period has closed."""
    revision = published_revision(slug, number)
    now = utcnow()
    report = (
        build_adoption_report(revision, now=now, language=current_language())
        if revision.has_closed(now)
        else None
    )
    return render_template(
        "exports/adoption.html",
        revision=revision,
        measure=revision.measure,
        report=report,
        disposition_labels=DISPOSITION_LABELS,
        english=current_language() == "en",
        **_staff_edition(revision),
    )


def _staff_edition(revision) -> dict:
    """For those who read every comment, the adoption report adds the consistency check of
    this revision's answers against the next text (published or not): what the public edition
    cannot show, and what the team must settle before it is published."""
    later = next_revision(revision) if can_read_all_comments(current_user) else None
    if later is None:
        return {"consistency": None}
    return {"next_revision": later, **consistency_context(consistency_check(revision=later))}
