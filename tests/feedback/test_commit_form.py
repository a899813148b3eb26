"""The preview page's post, read by CommitForm: each row's corrected clause and skip box."""

from app.feedback.forms import OVERRIDE_MAX, CommitForm


def test_the_commit_form_reads_the_boxes_of_the_files_rows_only(app):
    posted = {
        "clause-7": "第" * (OVERRIDE_MAX + 50),
        "clause-12": "",
        "skip-12": "1",
        "skip-3": "",
        "clause-99": "第一条",  # not a row of the file
        "skip-99": "1",
        "received_on": "2026-11-30",
        "unit_id": "4",
        "new_unit_name": "",
        "author_name": "  张三 ",
    }
    with app.test_request_context(method="POST", data=posted):
        form = CommitForm.for_lines({3, 7, 12})
        choices = form.choices()

    assert form.corrections() == ({7: "第" * OVERRIDE_MAX, 12: ""}, frozenset({12}))
    assert (choices.author_name, choices.unit_id, str(choices.received_on)) == (
        "张三",
        4,
        "2026-11-30",
    )
    assert (choices.overrides, choices.skipped) == form.corrections()


def test_a_form_not_posted_corrects_and_skips_nothing(app):
    with app.test_request_context(method="GET"):
        form = CommitForm.for_lines({3, 7})

        assert form.corrections() == ({}, frozenset())
