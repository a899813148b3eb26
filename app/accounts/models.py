"""User (用户), Unit (提出单位) and roles."""

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.core.extensions import db
from app.core.timeutil import utcnow


class Role(enum.StrEnum):
    """What a person may do: comment, triage, approve answers, read everything, administer."""

    PARTICIPANT = "participant"
    TEAM = "team"
    REVIEWER = "reviewer"
    OFFICIAL = "official"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.PARTICIPANT: _l("Participant"),
    Role.TEAM: _l("Project team"),
    Role.REVIEWER: _l("Reviewer"),
    Role.OFFICIAL: _l("Official"),
    Role.ADMIN: _l("Administrator"),
}


class UnitCategory(enum.StrEnum):
    """Unit categories of DESIGN.md; the codes are stable, the labels translated."""

    CB = "CB"  # 认证机构
    TB = "TB"  # 认证培训机构
    CC = "CC"  # 认证咨询机构
    IP = "IP"  # 认证人员（个人）
    RG = "RG"  # 监管部门
    AS = "AS"  # 行业协会
    AB = "AB"  # 认可机构
    LB = "LB"  # 检验检测机构
    CO = "CO"  # 企业/获证组织
    AC = "AC"  # 高校、科研机构、专家
    OT = "OT"  # 其他/社会公众


CATEGORY_LABELS = {
    UnitCategory.CB: _l("Certification body"),
    UnitCategory.TB: _l("Certification training body"),
    UnitCategory.CC: _l("Certification consulting body"),
    UnitCategory.IP: _l("Certified personnel (individual)"),
    UnitCategory.RG: _l("Regulatory authority"),
    UnitCategory.AS: _l("Industry association"),
    UnitCategory.AB: _l("Accreditation body"),
    UnitCategory.LB: _l("Inspection and testing body"),
    UnitCategory.CO: _l("Enterprise / certified organisation"),
    UnitCategory.AC: _l("University, research institute, expert"),
    UnitCategory.OT: _l("Other / the public"),
}


class RepresentativeStatus(enum.StrEnum):
    """Whether a member speaks for their unit (单位代表): a claim until the team or the unit's
    confirmed representative confirms it."""

    NONE = "none"
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REFUSED = "refused"


def enum_column(enum_class, length: int = 20):
    """Enums are stored as their values in a plain string column (same on both engines)."""
    return db.Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Unit(db.Model):
    """An organisation in whose name people comment (提出单位)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    category: Mapped[UnitCategory] = mapped_column(enum_column(UnitCategory, 2))
    region: Mapped[str] = mapped_column(String(100), default="")
    example: Mapped[bool] = mapped_column(default=False)  # demo data, shown as such
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    members: Mapped[list["User"]] = relationship(back_populates="unit")

    @property
    def category_label(self) -> str:
        return str(CATEGORY_LABELS[self.category])


class User(UserMixin, db.Model):
    """A person with an account. ``session_version`` changes with the password, which signs
    out every other session of that user."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.PARTICIPANT)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    phone: Mapped[str] = mapped_column(String(50), default="")
    active: Mapped[bool] = mapped_column(default=True)
    session_version: Mapped[int] = mapped_column(default=1)
    example: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    email_verified_at: Mapped[datetime | None]
    # The user's standing as representative of ``unit``; reset when the unit changes.
    representative: Mapped[RepresentativeStatus] = mapped_column(
        enum_column(RepresentativeStatus, 10),
        default=RepresentativeStatus.NONE,
        server_default="none",
    )
    representative_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    representative_at: Mapped[datetime | None]

    unit: Mapped[Unit | None] = relationship(back_populates="members", foreign_keys=[unit_id])
    representative_by: Mapped["User | None"] = relationship(
        remote_side=[id], foreign_keys=[representative_by_id]
    )

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @property
    def is_representative(self) -> bool:
        return self.representative == RepresentativeStatus.CONFIRMED

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)
        self.session_version = (self.session_version or 0) + 1

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def role_label(self) -> str:
        return str(ROLE_LABELS[self.role])
