"""Quoted spans: found in the clause's text as W3C TextQuoteSelectors, or refused."""

import pytest

from app.comments.quotes import locate_quote, quote_context
from app.core.refusal import Refused
from tests.comments.helpers import english, message, post_comment, stored, text
from tests.factories import make_open_revision, make_user

ART3 = "本办法下列用语的含义：\n（一）认证，是指合格评定活动；\n（二）审核员，是指经注册的人员。"


def test_a_unique_quote_is_found():
    assert locate_quote(ART3, "合格评定活动", "", "") == (20, 26)


def test_a_repeated_quote_takes_the_first_without_context():
    assert locate_quote(ART3, "是指", "", "") == (18, 20)


def test_prefix_and_suffix_choose_among_repeats():
    assert locate_quote(ART3, "是指", "（二）审核员，", "经注册") == (35, 37)
    assert locate_quote(ART3, "是指", "认证，", "合格") == (18, 20)


def test_a_selection_across_lines_matches_any_whitespace():
    start, end = locate_quote(ART3, "活动；  （二）审核员", "", "")

    assert ART3[start:end] == "活动；\n（二）审核员"


def test_context_keeps_up_to_32_characters_each_side():
    long = "甲" * 40 + "关键" + "乙" * 40
    start, end = locate_quote(long, "关键", "", "")

    assert quote_context(long, start, end) == ("关键", "甲" * 32, "乙" * 32)


@pytest.mark.parametrize("quote", ["不存在的文字", "   ", "认证，是指检验"])
def test_a_quote_not_in_the_clause_is_refused(quote):
    with pytest.raises(Refused):
        locate_quote(ART3, quote, "", "")


@pytest.fixture
def revision(app):
    return make_open_revision()


def test_submitted_quote_is_stored_with_offsets_and_context(revision, client, login_as):
    login_as(make_user())

    post_comment(
        client,
        revision,
        "art3",
        body="两处“是指”用法不一。",
        quote_exact="是指",
        quote_prefix="（二）审核员，",
        quote_suffix="经注册的人员。",
    )

    [comment] = stored()
    assert (comment.quote_exact, comment.quote_start, comment.quote_end) == ("是指", 35, 37)
    assert comment.quote_prefix == ART3[35 - 32 : 35]
    assert (
        comment.quote_prefix == "下列用语的含义：\n（一）认证，是指合格评定活动；\n（二）审核员，"
    )
    assert comment.quote_suffix == "经注册的人员。"


def test_a_typed_quote_without_context_is_found(revision, client, login_as):
    login_as(make_user())

    post_comment(client, revision, "art2", body="同意。", quote_exact="认证机构应当遵守")

    [comment] = stored()
    assert (comment.quote_start, comment.quote_end) == (12, 20)
    assert comment.quote_prefix == "本办法适用于认证人员。\n"


def test_quote_is_shown_on_the_receipt(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, "art2", body="同意。", quote_exact="认证机构")

    page = text(client.get(response.headers["Location"]))
    assert '<span class="visually-hidden">Quoted text: </span>认证机构</blockquote>' in page


def test_a_quote_from_another_clause_is_refused(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, "art2", body="x", quote_exact="合格评定活动")

    assert response.status_code == 400
    assert message(text(response)) == (
        "The quoted text is not in this clause. Select or copy it from the clause text."
    )
    assert stored() == []


def test_a_quote_on_the_whole_draft_is_refused(revision, client, login_as):
    login_as(make_user())
    english(client)

    response = post_comment(client, revision, body="x", quote_exact="本办法")

    assert message(text(response)) == "A quote can only be taken from the text of a clause."
    assert stored() == []
