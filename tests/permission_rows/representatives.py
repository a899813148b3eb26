"""E-mail verification and unit representatives: anyone opens a verification link, a signed-in
user asks for another or to represent their unit; the team, and a unit's confirmed
representative ("participant" in the scenario), decide requests."""

from tests.permission_roles import EVERYONE, SIGNED_IN

DECIDERS = {
    "anonymous": "signin",
    "participant": "ok",
    "other": "forbidden",
    "team": "ok",
    "reviewer": "forbidden",
    "official": "forbidden",
    "admin": "ok",
}

ROWS = [
    ("GET", "/account/verify/{verify_token}", EVERYONE),
    ("POST", "/account/verify", SIGNED_IN),
    ("POST", "/account/representative", SIGNED_IN),
    ("GET", "/representatives", DECIDERS),
    ("POST", "/representatives/{other_id}/confirm", DECIDERS),
    ("POST", "/representatives/{other_id}/refuse", DECIDERS),
]
