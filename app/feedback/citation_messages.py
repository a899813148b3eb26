"""The citation reader's problems (app.legaltext.citation_problems) in the reader's language.

legaltext says why a form row's clause is unknown or ambiguous as a code and parameters; this
module words each code through the catalogues, naming clauses as the interface language
cites them (第十二条第二款 / paragraph 2 of article 12). The English msgids are the same
sentences as legaltext's own English (tests/feedback/test_citation_messages.py checks it),
except for a numeral that cannot be read: legaltext adds the numeral reader's English detail,
the interface names the numeral.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import gettext as _
from flask_babel import ngettext

from app.core.i18n import current_language
from app.legaltext.citation_problems import CitationProblem, ProblemCode

C = ProblemCode

# One function per code: the parameters (clauses already named) -> the sentence.
MESSAGES: dict[ProblemCode, Callable[[dict], str]] = {
    C.WHOLE_DRAFT: lambda w: _("a comment on the whole draft"),
    C.READ_AS: lambda w: _("read as %(clause)s", **w),
    C.UNREADABLE: lambda w: _("cannot read '%(text)s' as a clause citation", **w),
    C.BAD_NUMERAL: lambda w: _(
        "cannot read '%(text)s': the numeral '%(numeral)s' is not written in legal style",
        **w,
    ),
    C.NO_SUCH_CLAUSE: lambda w: _("there is no %(what)s in this revision", **w),
    C.NO_PREAMBLE: lambda w: _("this revision has no preamble"),
    C.NO_ANNEXES: lambda w: _("this revision has no annexes"),
    C.HAS_NO: lambda w: _("%(where)s has no %(what)s", **w),
    C.NOT_IN: lambda w: _("%(what)s is not in %(where)s", **w),
    C.NO_PARAGRAPHS: lambda w: _("%(where)s has no paragraphs", **w),
    C.NO_ITEMS: lambda w: _("%(where)s has no items", **w),
    C.NO_SUBITEMS: lambda w: _("%(where)s has no sub-items", **w),
    C.PARAGRAPH_OUT_OF_RANGE: lambda w: ngettext(
        "%(where)s has %(num)d paragraph, not %(asked)s",
        "%(where)s has %(num)d paragraphs, not %(asked)s",
        w["count"],
        **w,
    ),
    C.ITEM_OUT_OF_RANGE: lambda w: ngettext(
        "%(where)s has %(num)d item, not %(asked)s",
        "%(where)s has %(num)d items, not %(asked)s",
        w["count"],
        **w,
    ),
    C.SUBITEM_OUT_OF_RANGE: lambda w: ngettext(
        "%(where)s has %(num)d sub-item, not %(asked)s",
        "%(where)s has %(num)d sub-items, not %(asked)s",
        w["count"],
        **w,
    ),
    C.PARTLY_READ: lambda w: _("read %(what)s, but not '%(left)s'", **w),
    C.WITHOUT_ARTICLE: lambda w: _("%(what)s is cited without its article", **w),
    C.WITHOUT_CLAUSE: lambda w: _("%(what)s is cited without its clause", **w),
    C.MAY_MEAN: lambda w: _("'%(text)s' may mean %(meanings)s", **w),
    C.FITS_SEVERAL: lambda w: _("%(what)s fits %(count)d clauses", **w),
    C.NAMES_RANGE: lambda w: _("names %(count)d clauses, %(first)s to %(last)s", **w),
    C.NAMES_SEVERAL: lambda w: _("names several clauses"),
}


def citation_message(problem: CitationProblem | None) -> str:
    """``problem`` as a sentence in the interface language ('' for none)."""
    if problem is None:
        return ""
    language = current_language()
    text = MESSAGES[problem.code](problem.words(language))
    for part in problem.parts:
        text += _("; %(reason)s", reason=citation_message(part))
    if problem.total:
        text += _(
            " (%(total)d candidates, the first %(shown)d offered)",
            total=problem.total,
            shown=problem.shown,
        )
    return text
