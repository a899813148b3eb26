"""Helpers for the account tests: pages in English, CSRF tokens, mail on disk."""

import email
import re
from email import policy
from pathlib import Path

from flask import current_app

from tests.pages import csrf_token, english, text  # noqa: F401  (the account tests' vocabulary)


def read_english(client, url: str) -> str:
    """A page's HTML in English (the catalogues' Chinese may not cover new strings yet)."""
    english(client)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def post_form(client, url: str, data: dict, page: str | None = None, **kwargs):
    """POST ``data`` to ``url`` with the CSRF token of ``page`` (default: ``url`` itself)."""
    html = read_english(client, page or url)
    return client.post(url, data={**data, "csrf_token": csrf_token(html)}, **kwargs)


def sent_mail() -> list[email.message.EmailMessage]:
    folder = Path(current_app.config["MAIL_FOLDER"])
    if not folder.exists():
        return []
    return [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]


def flashes(html: str) -> list[str]:
    return re.findall(r'<p class="flash flash--\w+">(.*?)</p>', html)


def field_error(html: str, field_id: str) -> str:
    match = re.search(rf'<span class="field__error" id="{field_id}-error">(.*?)</span>', html)
    return match.group(1) if match else ""


def form_errors(html: str) -> list[str]:
    block = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', html, re.S)
    return re.findall(r"<p>(.*?)</p>", block.group(1)) if block else []
