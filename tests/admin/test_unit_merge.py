"""Merging a duplicate unit: every reference moves to the kept unit in one transaction, the
merged unit is removed, and the merge is audited with both names and the counts moved."""

from datetime import datetime

import pytest
from sqlalchemy import event, select

from app.accounts.admin_units import Refused
from app.accounts.models import RepresentativeStatus, Unit, User
from app.admin.merge import MOVED_REFERENCES, MergePlan, merge_plan, merge_units
from app.audit.models import AuditEvent
from app.comments.models import (
    Comment,
    Cosignature,
    CosignatureState,
    RevisionUnit,
    comment_cosigners,
)
from app.feedback.models import FormImport
from tests.factories import make_comment, make_open_revision, make_unit, make_user

NOW = datetime(2026, 12, 3, 6, 0)


@pytest.fixture
def duplicates(db):
    """中国认证认可协会 (kept) and its duplicate 中国认证认可协会（CCAA）, each named by
    every kind of reference, and a third unit that co-signs with both."""
    kept = make_unit("中国认证认可协会", "AS")
    merged = make_unit("中国认证认可协会（CCAA）", "AS")
    third = make_unit("某某省市场监督管理局", "RG")
    revision = make_open_revision()
    second = make_open_revision(measure="second-measure")
    old_member = make_user(unit=kept, name="老成员")
    member = make_user(unit=merged, name="新成员", representative=True)
    other_member = make_user(unit=merged, name="另一成员")
    outsider = make_user(unit=third, name="局方")
    own = make_comment(revision, member)  # written in the merged unit's name
    make_comment(revision, other_member)
    # Co-signed by both units: one row must remain, and the merged name's confirmation with it.
    both = make_comment(revision, outsider)
    both.cosignatures.extend(
        [
            Cosignature(unit=kept, state=CosignatureState.PENDING),
            Cosignature(
                unit=merged,
                state=CosignatureState.CONFIRMED,
                decided_by=member,
                decided_at=datetime(2021, 1, 9),
            ),
        ]
    )
    only_merged = make_comment(revision, outsider)
    only_merged.cosignatures.append(Cosignature(unit=merged))
    self_signed = make_comment(revision, old_member)  # the kept unit's, co-signed by merged
    self_signed.cosignatures.append(Cosignature(unit=merged))
    db.session.add_all(
        [
            RevisionUnit(revision=revision, unit=kept, note="函"),
            RevisionUnit(
                revision=revision,
                unit=merged,
                invited_at=datetime(2021, 1, 5),
                invite_channel="letter",
                note="电话",
            ),
            RevisionUnit(
                revision=second, unit=merged, no_comments_at=datetime(2021, 2, 1), note=""
            ),
            FormImport(
                revision=revision,
                sha256="1" * 64,
                filename="反馈表.xlsx",
                size=1,
                data=b"x",
                unit=merged,
                uploaded_by=make_user("team"),
            ),
        ]
    )
    db.session.commit()
    return {
        "kept": kept,
        "merged": merged,
        "third": third,
        "revision": revision,
        "second": second,
        "member": member,
        "own": own,
        "both": both,
        "only_merged": only_merged,
        "self_signed": self_signed,
    }


EXPECTED_PLAN = MergePlan(
    members=2,
    representatives=1,
    comments=2,
    cosignatures=1,  # only_merged's
    cosignatures_dropped=2,  # both's (kept signs already) and self_signed's (kept wrote it)
    consultations=2,
    consultations_combined=1,
    form_imports=1,
)


def test_every_foreign_key_to_units_is_moved_by_the_merge(db):
    references = {
        f"{table.name}.{fk.parent.name}"
        for table in db.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == "units"
    }

    assert references == MOVED_REFERENCES


def test_the_plan_counts_what_will_move_without_changing_anything(db, duplicates):
    plan = merge_plan(merged=duplicates["merged"], kept=duplicates["kept"])

    assert plan == EXPECTED_PLAN
    assert db.session.get(Unit, duplicates["merged"].id) is not None


def test_merging_moves_each_kind_of_reference_to_the_kept_unit(db, duplicates):
    kept, merged = duplicates["kept"], duplicates["merged"]
    merged_id, admin = merged.id, make_user("admin")

    plan = merge_units(merged=merged, kept=kept, actor=admin, now=NOW)
    db.session.commit()

    assert plan == EXPECTED_PLAN
    assert db.session.get(Unit, merged_id) is None
    members = db.session.scalars(select(User.name).filter_by(unit_id=kept.id)).all()
    assert sorted(members) == sorted(["老成员", "新成员", "另一成员"])
    assert db.session.get(User, duplicates["member"].id).representative == (
        RepresentativeStatus.CONFIRMED
    )
    assert db.session.scalar(select(Comment.unit_id).filter_by(id=duplicates["own"].id)) == (
        kept.id
    )
    assert db.session.scalars(select(Comment.unit_id).filter_by(unit_id=merged_id)).all() == []
    cs = comment_cosigners.c
    cosigners = set(
        db.session.execute(select(cs.comment_id, cs.unit_id, cs.state, cs.decided_by_id))
    )
    assert cosigners == {
        (duplicates["both"].id, kept.id, CosignatureState.CONFIRMED, duplicates["member"].id),
        (duplicates["only_merged"].id, kept.id, CosignatureState.PENDING, None),
    }
    consultations = {
        row.revision_id: (row.invited_at, row.invite_channel, row.note, row.no_comments_at)
        for row in db.session.scalars(select(RevisionUnit))
    }
    assert consultations == {
        duplicates["revision"].id: (datetime(2021, 1, 5), "letter", "函；电话", None),
        duplicates["second"].id: (None, "", "", datetime(2021, 2, 1)),
    }
    assert db.session.scalars(select(RevisionUnit.unit_id)).all() == [kept.id, kept.id]
    assert db.session.scalars(select(FormImport.unit_id)).all() == [kept.id]
    [entry] = db.session.scalars(select(AuditEvent).filter_by(action="unit.merge")).all()
    assert (entry.actor_id, entry.target_type, entry.target_id) == (admin.id, "unit", kept.id)
    assert entry.before_data == {
        "merged_unit": "中国认证认可协会（CCAA）",
        "merged_unit_id": merged_id,
    }
    assert entry.after_data == {
        "kept_unit": "中国认证认可协会",
        "members": 2,
        "representatives": 1,
        "comments": 2,
        "cosignatures": 1,
        "cosignatures_dropped": 2,
        "consultations": 2,
        "consultations_combined": 1,
        "form_imports": 1,
    }


def test_a_merge_that_fails_midway_leaves_nothing_half_written(db, duplicates):
    kept, merged = duplicates["kept"], duplicates["merged"]
    merged_id = merged.id

    def fail_on_removal(_conn, _cursor, statement, *_args):
        if statement.startswith("DELETE FROM units"):
            raise RuntimeError("the database refused")

    event.listen(db.engine, "before_cursor_execute", fail_on_removal)
    try:
        with pytest.raises(RuntimeError):
            merge_units(merged=merged, kept=kept, actor=make_user("admin"), now=NOW)
    finally:
        event.remove(db.engine, "before_cursor_execute", fail_on_removal)
    db.session.commit()  # what the request would commit, were it to go on

    assert db.session.get(Unit, merged_id).name == "中国认证认可协会（CCAA）"
    assert len(db.session.scalars(select(User).filter_by(unit_id=merged_id)).all()) == 2
    assert len(db.session.scalars(select(Comment).filter_by(unit_id=merged_id)).all()) == 2
    assert len(db.session.execute(select(comment_cosigners)).all()) == 4
    assert len(db.session.scalars(select(RevisionUnit).filter_by(unit_id=merged_id)).all()) == 2
    assert db.session.scalars(select(FormImport.unit_id)).all() == [merged_id]
    assert db.session.scalars(select(AuditEvent).filter_by(action="unit.merge")).all() == []


def test_a_unit_is_not_merged_into_itself_nor_by_a_non_admin(db, duplicates):
    kept = duplicates["kept"]

    with pytest.raises(Refused):
        merge_units(merged=kept, kept=kept, actor=make_user("admin"), now=NOW)
    with pytest.raises(PermissionError):
        merge_units(merged=duplicates["merged"], kept=kept, actor=make_user("team"), now=NOW)
