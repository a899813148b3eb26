"""Participants' pages: the comment form, receipts, "my comments", edits, attachments."""

import io
from urllib.parse import quote

from flask import (
    Blueprint,
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
from sqlalchemy.exc import IntegrityError

from app.accounts.permissions import can_speak_for_unit
from app.comments.attachments import EXTENSIONS, MAX_FILES, Upload, safe_filename
from app.comments.forms import ActionForm, CommentForm, EditCommentForm
from app.comments.loaders import (
    check_editable,
    commenting_on,
    refusal,
    signed_in,
    speaking_for_unit,
    viewable_attachment,
    viewable_comment,
)
from app.comments.models import (
    CONSENT_LABELS,
    STANCE_LABELS,
    STATUS_LABELS,
    TYPE_LABELS,
    Comment,
    CommentStatus,
)
from app.comments.moderation import current_hiding, hidden_reasons
from app.comments.publication import public_author
from app.comments.queries import comments_by, cosigner_choices
from app.comments.rules import can_edit_comment
from app.comments.services import (
    CommentInput,
    Refused,
    check_form_token,
    edit_comment,
    find_comment_by_token,
    issue_form_token,
    no_comments_reply,
    period_refusal,
    record_no_comments,
    submit_comment,
    withdraw_comment,
)
from app.core.extensions import limiter
from app.core.i18n import safe_next
from app.core.outcome import carry_out
from app.core.rendering import render_markdown
from app.core.timeutil import utcnow

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


@bp.route("/m/<slug>/r/<int:number>/comment", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_COMMENT"], methods=["POST"])
def new_comment(slug: str, number: int):
    key = request.args.get("clause")
    if request.method == "POST" and "clause" in request.form:
        key = request.form["clause"]
    revision, clause = commenting_on(slug, number, key)
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
        forget_huge_texts(form)
        return render_template(
            "comments/new.html",
            form=form,
            revision=revision,
            measure=revision.measure,
            clause=clause,
            error=error,
            speaks=speaks,
            cosigner_choices=cosigner_choices(unit) if speaks else [],
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

    def submit() -> tuple[str, bool]:
        comment = submit_comment(
            revision=revision,
            clause=clause,
            author=current_user,
            data=CommentInput.from_form(form, form_token=nonce),
            attachments=uploads(form),
            now=now,
        )
        # Read before the commit expires them (no reload query): the receipt, and whether
        # the same text stored earlier was returned.
        return comment.receipt, comment.form_token != nonce

    def refused(error):
        if isinstance(error, IntegrityError):
            # Two requests with the same form token at the same moment: the unique token let
            # one in; this one shows what that one stored. (A first submission, the common
            # case, costs no extra query.)
            earlier = find_comment_by_token(nonce)
            if earlier is None:
                raise error
            return already_stored(earlier)
        return show(error.message, 400)

    return carry_out(
        submit,
        None,  # the receipt page says it was received: no flash, no re-signed cookie
        None,
        refusals=(Refused, IntegrityError),
        refused=refused,
        done_to=lambda stored: receipt_url(*stored),
    )


def receipt_url(receipt: str, again: bool = False) -> str:
    """The receipt page, which then says the comment was received (``again``: that it had
    been received before and was not stored twice).

    It says so from its address rather than from a flashed message: the session (and its
    cookie) is then left as it was, which spares the busiest POST a re-signed cookie."""
    return url_for(".receipt", receipt=receipt, received="again" if again else 1)


def to_receipt(receipt: str, again: bool = False):
    """303 to the receipt page (receipt_url)."""
    return redirect(receipt_url(receipt, again), code=303)


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
        hiding=current_hiding(comment),
        just_received=request.args.get("received") == "1" and comment.author_id == current_user.id,
        received_again=request.args.get("received") == "again"
        and comment.author_id == current_user.id,
    )


@bp.get("/my/comments")
def my_comments():
    author = signed_in()
    comments = comments_by(author)
    now = utcnow()
    return render_template(
        "comments/mine.html",
        comments=comments,
        editable={c.id for c in comments if can_edit_comment(author, c, now)},
        hidden=hidden_reasons(c.id for c in comments),
    )


@bp.route("/comments/<receipt>/edit", methods=["GET", "POST"])
def edit(receipt: str):
    comment = viewable_comment(receipt)
    now = utcnow()
    check_editable(comment, now)
    form = EditCommentForm(obj=comment if request.method == "GET" else None)

    def page(error=None, status=200):
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

    if request.method == "GET":
        form.type.data = comment.type.value
        form.stance.data = comment.stance.value if comment.stance else ""
        form.consent.data = comment.consent.value
        return page()
    if not form.validate():
        return page(status=400)
    return carry_out(
        lambda: edit_comment(
            comment=comment, editor=current_user, data=CommentInput.from_form(form), now=now
        ),
        lambda changed: (
            _("Your changes have been saved.") if changed else _("Nothing was changed.")
        ),
        url_for(".receipt", receipt=comment.receipt),
        refusals=Refused,
        refused=lambda refused: page(refused.message, 400),
    )


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
    check_editable(comment, now)
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
    return carry_out(
        lambda: withdraw_comment(comment=comment, actor=current_user, now=now),
        _("Your comment %(receipt)s has been withdrawn.", receipt=receipt),
        url_for(".my_comments"),
        refusals=Refused,
        refused=lambda refused: refusal(refused.message, 403),
    )


@bp.get("/attachments/<int:attachment_id>")
def attachment(attachment_id: int):
    found = viewable_attachment(attachment_id)
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
    revision = speaking_for_unit(slug, number)
    unit = current_user.unit
    return carry_out(
        lambda: record_no_comments(revision=revision, unit=unit, actor=current_user, now=utcnow()),
        _("Recorded: %(unit)s has no comments on this revision.", unit=unit.name),
        url_for(".my_comments"),
        refusals=Refused,
        refused=lambda refused: refusal(refused.message, 409),  # e.g. the unit commented
    )
