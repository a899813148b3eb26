"""Language of the interface: Simplified Chinese by default, English by a remembered switch."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, redirect, request
from flask_babel import get_locale

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    """The reader's choice (a cookie), else the configured default (zh)."""
    chosen = request.cookies.get(current_app.config["LANGUAGE_COOKIE"])
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    return str(get_locale() or current_app.config["BABEL_DEFAULT_LOCALE"]).split("_")[0]


def safe_next(target: str | None) -> str:
    """Only a path on this site: a language switch must not become an open redirect."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
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
