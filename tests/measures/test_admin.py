"""Administrators set whether a measure's comments and names are published."""

import re

from app.measures.models import CommentVisibility, Measure
from tests.factories import make_open_revision, make_user


def test_admin_sets_the_publication_of_comments(app, db, client, login_as):
    revision = make_open_revision()
    measure_id = revision.measure.id
    login_as(make_user("admin"))
    page = client.get("/admin/measures").get_data(as_text=True)
    token = re.search(r'name="m\d+-csrf_token" type="hidden" value="([^"]+)"', page).group(1)

    response = client.post(
        "/admin/measures/sample-measure/publication",
        data={
            f"m{measure_id}-csrf_token": token,
            f"m{measure_id}-comments_public": "after",
            f"m{measure_id}-names_public": "y",
        },
        follow_redirects=True,
    )

    html = response.get_data(as_text=True)
    assert "已保存：征求意见结束后公开意见（以作者同意为限）。显示同意署名的作者姓名。" in html
    db.session.expire_all()
    measure = db.session.get(Measure, measure_id)
    assert (measure.comments_public, measure.names_public) == (CommentVisibility.AFTER, True)
    reading = client.get("/m/sample-measure/r/1").get_data(as_text=True)
    assert "征求意见结束后公开意见（以作者同意为限）。显示同意署名的作者姓名。" in reading


def test_the_revision_page_says_comments_are_not_published_by_default(app, client):
    make_open_revision()

    html = client.get("/m/sample-measure/r/1").get_data(as_text=True)

    assert '<p class="publication-policy">意见不予公开。</p>' in html
