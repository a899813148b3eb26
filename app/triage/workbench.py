"""The team's workbench of a revision: one list of its pages, drawn as the navigation at the
top of every team page (templates/triage/_workbench_nav.html) and as the links of /team."""

from __future__ import annotations

from dataclasses import dataclass

from flask import request, url_for
from flask_babel import lazy_gettext as _l

from app.triage.rules import can_triage


@dataclass(frozen=True)
class Page:
    endpoint: str
    label: str
    team_only: bool = False  # pages that change things; readers (officials, reviewers) skip them
    also: tuple[str, ...] = ()  # the page's sub-pages, where it is marked current too


PAGES = (
    Page("triage.list_comments", _l("Queue"), also=("triage.show_comment",)),
    Page("triage.dashboard", _l("Dashboard")),
    Page("triage.list_groups", _l("Groups"), also=("triage.show_group",)),
    Page("triage.suggestions", _l("Suggested groups")),
    Page("triage.reviews", _l("Reviews")),
    Page("triage.enter", _l("Fast entry"), team_only=True, also=("triage.edit_entered",)),
    Page("triage.events", _l("Seminars and events")),
    Page("triage.consulted", _l("Consulted units")),
    Page(
        "feedback.form_imports",
        _l("Form import"),
        team_only=True,
        also=("feedback.show_form_import",),
    ),
    Page("exports.downloads", _l("Downloads")),
    Page(
        "revisions.show_revision",
        _l("Revision and alignment"),
        also=("revisions.publish_revision", "lineage.review"),
    ),
    Page("triage.consistency", _l("Consistency check")),
)


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool


def workbench_links(revision, user) -> list[Link]:
    """The workbench pages of ``revision`` that ``user`` may open, the current one marked."""
    here = request.endpoint if request else None
    return [
        Link(
            str(page.label),
            url_for(page.endpoint, slug=revision.measure.slug, number=revision.number),
            here == page.endpoint or here in page.also,
        )
        for page in PAGES
        if can_triage(user) or not page.team_only
    ]


def workbench_section() -> str:
    """The workbench page the current request is on (a comment's page is the queue's): the
    page the revision switch opens in the other revisions. A page of a revision outside the
    list opens as itself when it needs nothing but the revision, else at the queue."""
    here = request.endpoint if request else None
    for page in PAGES:
        if here == page.endpoint or here in page.also:
            return page.endpoint
    arguments = set(request.view_args or {}) if request else set()
    return here if here and arguments == {"slug", "number"} else PAGES[0].endpoint


def workbench_helpers():
    return {"workbench_links": workbench_links, "workbench_section": workbench_section}
