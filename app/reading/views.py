"""Reading pages: the home page, a revision clause by clause, one clause."""

from flask import Response, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup, escape

from app.comments.moderation import reported_by
from app.comments.publication import (
    comment_counts,
    comments_are_public,
    hidden_count,
    public_comments,
)
from app.core.i18n import current_language
from app.core.timeutil import utcnow
from app.lineage.models import LINK_KIND_LABELS
from app.measures.loaders import published_revision
from app.measures.models import Revision
from app.measures.queries import visible_revisions
from app.measures.reading import (
    TEXT_MODES,
    SlottedDraft,
    article_range,
    draft_cache_key,
    fragments,
    load_tree,
)
from app.measures.rules import can_see_unpublished_revisions
from app.reading.blueprint import bp
from app.reading.history import clause_history
from app.reading.loaders import measure_revisions, published_node
from app.reading.queries import (
    answers_shown_once,
    home_revisions,
    revision_rows,
    subtree_count,
)
from app.revisions.rules import can_change_revisions

DRAFT_SLOT = "<!--zq-draft-slot-->"


@bp.get("/")
def home():
    open_now, closed, upcoming = home_revisions(utcnow())
    return render_template(
        "measures/home.html", open_now=open_now, closed=closed, upcoming=upcoming
    )


def text_mode(revision: Revision) -> str:
    """Which text to show: ?text=zh|en|both, else the interface language; Chinese when the
    revision has no English text."""
    chosen = request.args.get("text")
    if chosen not in TEXT_MODES:
        chosen = "en" if current_language() == "en" else "zh"
    return chosen if revision.has_english else "zh"


@bp.get("/m/<slug>")
def measure(slug: str):
    """The measure's page: its revisions with their periods and counts, the open one offered
    first. The staff also see the unpublished ones."""
    found, revisions = measure_revisions(slug)
    now = utcnow()
    return render_template(
        "measures/measure.html",
        measure=found,
        rows=revision_rows(revisions),
        open_now=[r for r in revisions if r.is_published and r.is_open(now)],
        now=now,
        can_upload=can_change_revisions(current_user),
    )


@bp.get("/m/<slug>/r/<int:number>")
def revision(slug: str, number: int):
    found = published_revision(slug, number)
    mode = text_mode(found)
    now = utcnow()
    comment_open = found.is_open(now)

    def render_draft() -> SlottedDraft:
        tree = load_tree(found)
        html = render_template(
            "measures/_draft.html",
            revision=found,
            tree=tree,
            mode=mode,
            article_range=article_range,
            count_slots=True,
            comment_open=comment_open,
        )
        return SlottedDraft.build(html.encode(), tree)

    cached = fragments.get_or_render(
        draft_cache_key(found, mode, current_language(), comment_open), render_draft
    )
    counts = comment_counts(found)
    draft = cached.fill(counts, count_badge(found, comments_are_public(found, now)))
    page = render_template(
        "measures/revision.html",
        revision=found,
        measure=found.measure,
        mode=mode,
        draft=Markup(DRAFT_SLOT),
        now=now,
        comment_open=comment_open,
        general_count=counts.get(None, 0),
    )
    # The draft (up to a megabyte for a long law) is sent as the cached bytes between the
    # page's head and tail (only the comment counts are written into it): the page costs
    # what its header costs.
    head, tail = page.split(DRAFT_SLOT)
    parts = [head.encode(), draft, tail.encode()]
    response = Response(parts, mimetype="text/html")
    response.content_length = sum(len(part) for part in parts)
    return response


def count_badge(revision: Revision, linked: bool):
    """The "N 条意见" badge of an article, as bytes. ``linked`` (the comments are published):
    a link to the comments on the article's clause page, described by the article's heading."""
    label_of: dict[int, str] = {}

    def label(count: int) -> str:
        if count not in label_of:
            label_of[count] = str(escape(_("%(count)d comment(s)", count=count)))
        return label_of[count]

    def badge(key: str, count: int) -> bytes:
        if not linked:
            return f'<span class="comment-count">{label(count)}</span>'.encode()
        page = url_for(".clause", slug=revision.measure.slug, number=revision.number, key=key)
        return (
            f'<a class="comment-count" href="{escape(page)}#comments"'
            f' aria-describedby="{escape(key)}-h">{label(count)}</a>'
        ).encode()

    return badge


@bp.get("/m/<slug>/r/<int:number>/c/<key>")
def clause(slug: str, number: int, key: str):
    found, tree, node = published_node(slug, number, key)
    ancestors = tree.ancestors(key)
    previous, following = tree.neighbours(key)

    now = utcnow()
    shown = comments_are_public(found, now)
    public = public_comments(found, node.clause, now)
    hidden_here = hidden_count(found, node.clause, now) if shown else 0
    revisions = visible_revisions(
        found.measure, with_unpublished=can_see_unpublished_revisions(current_user)
    )
    return render_template(
        "measures/clause.html",
        history=clause_history(revisions, found, node.clause, viewer=current_user, now=now),
        link_kind_labels=LINK_KIND_LABELS,
        comment_open=found.is_open(now),
        comments_public=shown,
        public=public,
        answers=answers_shown_once(public),
        # Those the team hid are said apart: not "at their authors' request".
        unpublished=subtree_count(found, node) - len(public) - hidden_here if shown else 0,
        hidden_here=hidden_here,
        reported=reported_by(current_user, [c.id for c in public]),
        revision=found,
        measure=found.measure,
        node=node,
        ancestors=ancestors,
        previous=previous,
        following=following,
        mode=text_mode(found),
        now=now,
    )
