"""Who may do what with accounts and units: pure predicates over a user (or anonymous), the
role helpers every area's rules build on, and ``require``, the one decorator that gates a route.

The predicates about other areas live in that area's ``rules.py`` (comments, triage,
oversight), so that accounts imports no higher area.
"""

from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user

from app.accounts.models import Role


def role_of(user) -> Role | None:
    """The user's role, or None for an anonymous visitor."""
    return user.role if user is not None and user.is_authenticated else None


def is_participant(user) -> bool:
    return role_of(user) == Role.PARTICIPANT


def is_team(user) -> bool:
    """The project team, and admins, who may do whatever the team does."""
    return role_of(user) in (Role.TEAM, Role.ADMIN)


def can_manage_users(user) -> bool:
    return role_of(user) == Role.ADMIN


def can_speak_for_unit(user, unit) -> bool:
    """Only the unit's confirmed representative, with a verified e-mail address, may mark
    official positions, add co-signers and declare "no comments" in its name; any other member
    comments as a person."""
    return (
        is_participant(user)
        and unit is not None
        and user.unit_id == unit.id
        and user.email_verified
        and user.is_representative
    )


def can_confirm_representatives(user, unit) -> bool:
    """The team (and admins) confirm any unit's representatives; a unit's confirmed
    representative confirms their colleagues."""
    if is_team(user):
        return True
    return can_speak_for_unit(user, unit)


def can_see_unit_requests(user) -> bool:
    """The team sees every unit's requests (to represent it, to co-sign); a confirmed
    representative their own unit's."""
    return is_team(user) or (is_participant(user) and can_speak_for_unit(user, user.unit))


def require(predicate, *args_from_view):
    """Decorator: 401 (sign in) for anonymous users, 403 when ``predicate(current_user)`` fails.

    Use for predicates over the user alone; views check object-level predicates themselves
    after loading the object (404 before 403).
    """

    def decorate(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from app.core.extensions import login_manager

                return login_manager.unauthorized()
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate
