"""Language of the interface: Simplified Chinese by default, English by a remembered switch."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, has_request_context, redirect, request
from flask_babel import get_locale

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    """The reader's choice (a cookie), else the configured default (zh); outside a request
    (CLI, scripts) the default."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = request.cookies.get(current_app.config["LANGUAGE_COOKIE"])
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"]).split("_")[0]


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a path on this site, so that no ``next`` becomes an open redirect.

    Browsers read ``/\\host`` and ``/<tab>/host`` as ``//host``: backslashes and control
    characters are refused along with other schemes and hosts.
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target or any(ord(char) < 32 or ord(char) == 127 for char in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


@bp.post("/language")
def switch_language():
    language = request.form.get("language", "")
    response = redirect(safe_next(request.form.get("next")), code=303)
    if language in current_app.config["LANGUAGES"]:
        response.set_cookie(
            current_app.config["LANGUAGE_COOKIE"],
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            httponly=True,
        )
    return response
