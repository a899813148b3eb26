"""One-time form tokens: a resent or double-clicked comment form stores one comment.

The token is signed (SECRET_KEY, salt "comment-form") and names the user it was issued to and
a random nonce; the nonce is stored in Comment.form_token, whose uniqueness decides.
"""

import secrets

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeSerializer

from app.core.refusal import Refused

SALT = "comment-form"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue_form_token(user) -> str:
    """A signed token for one comment form shown to ``user``."""
    return _serializer().dumps({"u": user.id, "n": secrets.token_urlsafe(24)})


def check_form_token(token: str | None, user) -> str:
    """The nonce of ``token`` if it is genuine and was issued to ``user``; else refused."""
    refused = Refused(
        _l(
            "This form was not issued to you or has been altered. "
            "Nothing was stored; please submit the form below again."
        )
    )
    if not token:
        raise refused
    try:
        payload = _serializer().loads(token)
    except BadSignature:
        raise refused from None
    if not isinstance(payload, dict) or payload.get("u") != user.id:
        raise refused
    nonce = payload.get("n")
    if not isinstance(nonce, str) or not 16 <= len(nonce) <= 64:
        raise refused
    return nonce
