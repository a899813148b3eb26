"""Participants' pages: the comment form, receipts, "my comments", edits, attachments."""

import io
from urllib.parse import quote

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.accounts.models import Unit
from app.accounts.permissions import (
    can_edit_comment,
    can_speak_for_unit,
    can_view_attachment,
    can_view_comment,
    is_participant,
)
from app.comments.attachments import EXTENSIONS, MAX_FILES, Upload, safe_filename
from app.comments.forms import ActionForm, CommentForm, EditCommentForm
from app.comments.models import (
    CONSENT_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    Attachment,
    Comment,
    CommentStatus,
)
from app.comments.publication import public_author
from app.comments.services import (
    CommentInput,
    Refused,
    check_form_token,
    edit_comment,
    edit_refusal,
    find_comment_by_token,
    issue_form_token,
    no_comments_reply,
    period_refusal,
    record_no_comments,
    submit_comment,
    withdraw_comment,
)
from app.core.extensions import db, limiter, login_manager
from app.core.i18n import safe_next
from app.core.rendering import render_markdown
from app.core.timeutil import utcnow
from app.measures.loaders import published_clause, published_revision

bp = Blueprint("comments", __name__)

LABELS = {
    "type": TYPE_LABELS,
    "stance": STANCE_LABELS,
    "consent": CONSENT_LABELS,
    "status": STATUS_LABELS,
}


@bp.app_context_processor
def comment_helpers():
    return {
        "comment_labels": LABELS,
        "render_markdown": render_markdown,
        "public_author": public_author,
    }


@bp.errorhandler(413)
def too_large(error):
    limit = current_app.config["ATTACHMENT_MAX_BYTES"] // (1024 * 1024)
    message = _(
        "What you sent is too large: each text may have at most %(chars)d characters and each "
        "file at most %(mb)d MB. Nothing was stored.",
        chars=current_app.config["COMMENT_MAX_CHARS"],
        mb=limit,
    )
    return refusal(message, 413, title=_l("Upload too large"))


def refusal(message, status: int, title=None):
    """A page that says plainly why something was not done (and that nothing was stored)."""
    return render_template(
        "comments/refused.html", message=message, title=title or _l("Not accepted")
    ), status


def sign_in_first():
    return login_manager.unauthorized()


def viewable_comment(receipt: str) -> Comment:
    """The comment with this receipt, or 404 for anyone who may not see it (no probing).

    Anonymous visitors are sent to sign in first, whatever the receipt: that says nothing
    about whether it exists."""
    if not current_user.is_authenticated:
        abort(sign_in_first())
    comment = db.session.scalar(select(Comment).filter_by(receipt=receipt))
    if comment is None or not can_view_comment(current_user, comment):
        abort(404)
    return comment


@bp.route("/m/<slug>/r/<int:number>/comment", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_COMMENT"], methods=["POST"])
def new_comment(slug: str, number: int):
    key = request.args.get("clause")
    if request.method == "POST" and "clause" in request.form:
        key = request.form["clause"]
    revision, clause = published_clause(slug, number, key)
    if not current_user.is_authenticated:
        return sign_in_first()
    if not is_participant(current_user):
        return refusal(_("Only participants can comment online."), 403)
    now = utcnow()
    if not revision.is_open(now):
        page = render_template(
            "comments/closed.html",
            revision=revision,
            measure=revision.measure,
            clause=clause,
            message=period_refusal(revision, now).message,
            now=now,
        )
        return page, (200 if request.method == "GET" else 403)

    form = CommentForm()
    unit = current_user.unit
    speaks = can_speak_for_unit(current_user, unit)

    def show(error=None, status=200):
        # The list of other units is only needed to draw the form, not to store a comment.
        cosigner_choices = []
        if speaks:
            others = db.session.scalars(select(Unit).where(Unit.id != unit.id).order_by(Unit.name))
            cosigner_choices = [(u.id, u.name) for u in others]
        forget_huge_texts(form)
        return render_template(
            "comments/new.html",
            form=form,
            revision=revision,
            measure=revision.measure,
            clause=clause,
            error=error,
            speaks=speaks,
            cosigner_choices=cosigner_choices,
            unit=unit,
            reply=no_comments_reply(revision, unit) if speaks else None,
            action_form=ActionForm(),
            max_files=MAX_FILES,
            now=now,
        ), status

    if request.method == "GET":
        form.form_token.data = issue_form_token(current_user)
        form.clause.data = clause.key if clause else ""
        return show()
    if not form.validate():
        return show(status=400)
    try:
        nonce = check_form_token(form.form_token.data, current_user)
    except Refused as refused:
        form.form_token.data = issue_form_token(current_user)
        return show(refused.message, 400)
    # A resent form is found by the unique token when its insert fails (below): the common
    # case, a first submission, costs no extra query.
    try:
        comment = submit_comment(
            revision=revision,
            clause=clause,
            author=current_user,
            data=CommentInput.from_form(form, form_token=nonce),
            attachments=uploads(form),
            now=now,
        )
        receipt = comment.receipt  # read before the commit expires it (no reload query)
        resubmitted = comment.form_token != nonce  # the same text stored earlier, returned
        db.session.commit()
    except Refused as refused:
        db.session.rollback()
        return show(refused.message, 400)
    except IntegrityError:
        # Two requests with the same form token at the same moment: the unique token let one
        # in; this one shows what that one stored.
        db.session.rollback()
        earlier = find_comment_by_token(nonce)
        if earlier is None:
            raise
        return already_stored(earlier)
    return to_receipt(receipt, again=resubmitted)


def to_receipt(receipt: str, again: bool = False):
    """303 to the receipt page, which then says the comment was received (``again``: that it
    had been received before and was not stored twice).

    It says so from its address rather than from a flashed message: the session (and its
    cookie) is then left as it was, which spares the busiest POST a re-signed cookie."""
    received = "again" if again else 1
    return redirect(url_for(".receipt", receipt=receipt, received=received), code=303)


def forget_huge_texts(form) -> None:
    """A text far over the limit (a 10 MB paste) is not sent back into the form again."""
    limit = current_app.config["COMMENT_MAX_CHARS"]
    for field in (form.body, form.proposed, form.reason, form.quote_exact):
        if field.data and len(field.data) > 2 * limit:
            field.data = ""


def already_stored(comment: Comment):
    if comment.author_id != current_user.id:
        return refusal(_("This form was not issued to you."), 400)
    return to_receipt(comment.receipt)


def uploads(form: CommentForm) -> list[Upload]:
    limit = current_app.config["ATTACHMENT_MAX_BYTES"]
    files = [(storage, False) for storage in form.attachments.data or []]
    if form.stamped.data:
        files.append((form.stamped.data, True))
    found = []
    for storage, stamped in files:
        if storage is None or not storage.filename:
            continue  # an empty file input
        name = safe_filename(storage.filename)
        data = storage.read(limit + 1)  # more than the limit is enough to refuse
        found.append(Upload(filename=name, data=data, stamped=stamped))
    return found


@bp.get("/comments/<receipt>")
def receipt(receipt: str):
    comment = viewable_comment(receipt)
    return render_template(
        "comments/receipt.html",
        comment=comment,
        revision=comment.revision,
        measure=comment.revision.measure,
        can_edit=can_edit_comment(current_user, comment, utcnow()),
        just_received=request.args.get("received") == "1" and comment.author_id == current_user.id,
        received_again=request.args.get("received") == "again"
        and comment.author_id == current_user.id,
    )


@bp.get("/my/comments")
def my_comments():
    if not current_user.is_authenticated:
        return sign_in_first()
    comments = db.session.scalars(
        select(Comment)
        .where(Comment.author_id == current_user.id)
        .options(selectinload(Comment.clause), selectinload(Comment.revision))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    ).all()
    now = utcnow()
    return render_template(
        "comments/mine.html",
        comments=comments,
        editable={c.id for c in comments if can_edit_comment(current_user, c, now)},
    )


@bp.route("/comments/<receipt>/edit", methods=["GET", "POST"])
def edit(receipt: str):
    comment = viewable_comment(receipt)
    now = utcnow()
    if not can_edit_comment(current_user, comment, now):
        return refusal(_cannot_change(comment, now), 403)
    form = EditCommentForm(obj=comment if request.method == "GET" else None)
    if request.method == "GET":
        form.type.data = comment.type.value
        form.stance.data = comment.stance.value if comment.stance else ""
        form.consent.data = comment.consent.value
    error = None
    if request.method == "POST" and form.validate():
        try:
            changed = edit_comment(
                comment=comment, editor=current_user, data=CommentInput.from_form(form), now=now
            )
            db.session.commit()
        except Refused as refused:
            db.session.rollback()
            error = refused.message
        else:
            flash(
                _("Your changes have been saved.") if changed else _("Nothing was changed."),
                "success",
            )
            return redirect(url_for(".receipt", receipt=comment.receipt), code=303)
    status = 200 if request.method == "GET" else 400
    forget_huge_texts(form)
    return render_template(
        "comments/edit.html",
        form=form,
        comment=comment,
        revision=comment.revision,
        measure=comment.revision.measure,
        clause=comment.clause,
        error=error,
    ), status


def _cannot_change(comment: Comment, now) -> str:
    return str(edit_refusal(comment, now).message)


@bp.route("/comments/<receipt>/withdraw", methods=["GET", "POST"])
def withdraw(receipt: str):
    """GET asks the author to confirm (what is withdrawn, and what that means); only the POST
    of that page withdraws. A second POST (a double click, the back button) changes nothing."""
    comment = viewable_comment(receipt)
    now = utcnow()
    mine = comment.author_id == current_user.id
    if request.method == "POST" and mine and comment.status == CommentStatus.WITHDRAWN:
        flash(_("Your comment %(receipt)s was already withdrawn.", receipt=comment.receipt))
        return redirect(url_for(".my_comments"), code=303)
    if not can_edit_comment(current_user, comment, now):
        return refusal(_cannot_change(comment, now), 403)
    form = ActionForm()
    if request.method == "GET" or not form.validate_on_submit():
        back = safe_next(request.values.get("next"), url_for(".receipt", receipt=comment.receipt))
        return render_template(
            "comments/withdraw.html",
            comment=comment,
            revision=comment.revision,
            measure=comment.revision.measure,
            form=form,
            back=back,
        ), (200 if request.method == "GET" else 400)
    try:
        withdraw_comment(comment=comment, actor=current_user, now=now)
        db.session.commit()
    except Refused as refused:
        db.session.rollback()
        return refusal(refused.message, 403)
    flash(_("Your comment %(receipt)s has been withdrawn.", receipt=comment.receipt), "success")
    return redirect(url_for(".my_comments"), code=303)


@bp.get("/attachments/<int:attachment_id>")
def attachment(attachment_id: int):
    if not current_user.is_authenticated:
        return sign_in_first()
    found = db.session.get(Attachment, attachment_id)
    if found is None or not can_view_attachment(current_user, found):
        abort(404)  # as receipts: an attachment's existence is not revealed
    response = send_file(
        io.BytesIO(found.data),
        mimetype=found.mime,
        as_attachment=True,
        download_name=found.filename,
        max_age=0,
    )
    # An ASCII name for old clients, the sender's name (UTF-8, RFC 6266) for the rest.
    fallback = f"attachment-{found.id}{EXTENSIONS.get(found.mime, '')}"
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(found.filename, safe='')}"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.post("/m/<slug>/r/<int:number>/no-comments")
def no_comments(slug: str, number: int):
    revision = published_revision(slug, number)
    if not current_user.is_authenticated:
        return sign_in_first()
    if not can_speak_for_unit(current_user, current_user.unit):
        return refusal(
            _(
                "Only a confirmed representative of a unit, with a verified e-mail address, can "
                "declare that it has no comments."
            ),
            403,
        )
    try:
        record_no_comments(
            revision=revision, unit=current_user.unit, actor=current_user, now=utcnow()
        )
        db.session.commit()
    except Refused as refused:  # e.g. the unit has commented already: a conflict
        db.session.rollback()
        return refusal(refused.message, 409)
    flash(
        _("Recorded: %(unit)s has no comments on this revision.", unit=current_user.unit.name),
        "success",
    )
    return redirect(url_for(".my_comments"), code=303)
