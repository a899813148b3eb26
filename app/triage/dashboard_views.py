"""The per-revision dashboard: where the comments fall, who sent them, what became of them."""

from urllib.parse import urlencode

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.accounts.models import CATEGORY_LABELS, UnitCategory
from app.comments.models import CHANNEL_LABELS, Channel
from app.core.i18n import current_language
from app.triage.charts import bar_chart, heat_legend, heat_level
from app.triage.consistency import check
from app.triage.consulted import consultation_figures
from app.triage.dashboard import revision_statistics
from app.triage.landings import next_revision
from app.triage.loaders import staff_revision
from app.triage.models import DISPOSITION_LABELS, RESPONSE_STATE_LABELS, Disposition

# The consulted units' figures (app.triage.consulted.Figures), in the footer's order ①–④.
CONSULTED_FIELDS = (
    ("consulted", _l("Units consulted")),
    ("replied", _l("Units that replied")),
    ("with_comments", _l("Replied with comments")),
    ("no_comments", _l('Replied "no comments"')),
    ("not_replied", _l("Did not reply")),
    ("uninvited", _l("Commented without being consulted")),
)


def dashboard(slug: str, number: int):
    revision = staff_revision(slug, number)
    stats = revision_statistics(revision)
    base = url_for("measures.revision", slug=slug, number=number)

    def queue_url(key: str | None) -> str:
        """The queue filtered by clause (with its sub-clauses), or to general comments."""
        query = {"general": "1"} if key is None else {"clause": key}
        return f"{base}/team/comments?{urlencode(query)}"

    categories = [
        (str(CATEGORY_LABELS[category]), stats.by_category[category])
        for category in UnitCategory
        if stats.by_category.get(category)
    ]
    channels = [
        (str(CHANNEL_LABELS[channel]), stats.by_channel.get(channel, 0)) for channel in Channel
    ]
    # On the summary's basis (approved answers), so the chart and the summary's totals agree.
    dispositions = [
        (str(DISPOSITION_LABELS[d]), count) for d, count in stats.answers.approved.items()
    ] + [(_("Unanswered (no approved answer)"), stats.answers.unanswered)]
    return render_template(
        "triage/dashboard.html",
        revision=revision,
        measure=revision.measure,
        lang=current_language(),
        stats=stats,
        queue_url=queue_url,
        heat_level=heat_level,
        legend=heat_legend(stats.heat_maximum, title=_("Key"), none_label=_("none")),
        categories=categories,
        channels=channels,
        category_chart=bar_chart(categories, title=_("Comments per unit category")),
        channel_chart=bar_chart(channels, title=_("Comments per channel")),
        disposition_chart=bar_chart(
            dispositions, title=_("Comments per disposition (approved answers)")
        ),
        dispositions=list(Disposition),
        disposition_labels=DISPOSITION_LABELS,
        state_labels=RESPONSE_STATE_LABELS,
        consulted=_consulted_rows(revision),
        consistency=_consistency(revision),
    )


def _consistency(revision) -> list:
    """The consistency checks that concern this revision: its text against the answers of the
    one before, and its answers against the next text; (report, URL of its page) each."""
    found = []
    for later in (revision, next_revision(revision)):
        report = check(revision=later) if later is not None else None
        if report is not None:
            url = url_for("triage.consistency", slug=later.measure.slug, number=later.number)
            found.append((report, url))
    return found


def _consulted_rows(revision) -> list[tuple[str, int]]:
    """The consulted units' figures, in the summary footer's order."""
    figures = consultation_figures(revision)
    return [(str(label), getattr(figures, name)) for name, label in CONSULTED_FIELDS]
