"""Configuration: defaults, then instance/config.py, then the environment."""

import os
import secrets
from pathlib import Path

ENV_KEYS = (
    "DATABASE_URL",
    "SECRET_KEY",
    "BABEL_DEFAULT_LOCALE",
    "TIMEZONE",
    "RATELIMIT_STORAGE_URI",
    "MAIL_SERVER",
    "MAIL_PORT",
    "MAIL_USERNAME",
    "MAIL_PASSWORD",
    "MAIL_SENDER",
)


class Defaults:
    BABEL_DEFAULT_LOCALE = "zh"
    LANGUAGES = ("zh", "en")
    TIMEZONE = "Asia/Shanghai"
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    MAX_CONTENT_LENGTH = 45 * 1024 * 1024  # a comment with a few 10 MB attachments
    WTF_CSRF_TIME_LIMIT = None  # a reader may leave a page open for a day before acting
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    LANGUAGE_COOKIE = "zq_lang"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_SIGNUP = "10 per hour"
    RATELIMIT_SIGNIN = "20 per 10 minutes"  # password-reset requests, per address
    # Failed sign-ins, counted in the database (or RATELIMIT_STORAGE_URI's Redis) so that every
    # worker shares them: app/accounts/sign_in_limits.py.
    SIGNIN_ACCOUNT_LIMIT = 10  # failures per e-mail address in the window lock it ...
    SIGNIN_IP_LIMIT = 100  # ... and per network address: an office shares one
    SIGNIN_WINDOW_MINUTES = 15
    SIGNIN_LOCK_MINUTES = 15
    RATELIMIT_COMMENT = "60 per hour"
    RATELIMIT_VERIFY = "3 per hour"  # resending the e-mail verification link
    RATELIMIT_REPORT = "10 per hour"  # reports of published comments, per account
    ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
    FORM_IMPORT_MAX_BYTES = 10 * 1024 * 1024  # a returned feedback form (DOCX/XLSX)
    COMMENT_MAX_CHARS = 20000  # per text field; a 10 MB body is refused, not stored
    # Seconds in which the same text from the same author on the same clause is taken for a
    # resubmission (the back button, then "submit" again) and not stored twice.
    COMMENT_DUPLICATE_WINDOW = 600
    PASSWORD_RESET_MAX_AGE = 2 * 3600
    MAIL_SERVER = ""  # unset: mail is written as .eml files under instance/mail/
    MAIL_PORT = 587
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_SENDER = "noreply@zhengqiu.local"
    MAIL_FOLDER = ""  # where .eml files go without SMTP; default instance/mail
    SEARCH_INDEX_DIR = ""  # the full-text index; default instance/search


def load(app, overrides: dict | None) -> None:
    """Fill app.config in order: defaults, instance/config.py, environment, explicit overrides."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    for key in ENV_KEYS:
        if os.environ.get(key):
            app.config[key] = os.environ[key]
    if overrides:
        app.config.update(overrides)

    if "DATABASE_URL" in app.config:
        app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(app.config["DATABASE_URL"])
    app.config.setdefault(
        "SQLALCHEMY_DATABASE_URI", f"sqlite:///{Path(app.instance_path) / 'zhengqiu.sqlite3'}"
    )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret(Path(app.instance_path))


def normalise_database_url(url: str) -> str:
    """Accept the usual postgres:// forms and route them through psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def instance_secret(instance: Path) -> str:
    """A secret key generated once and kept in instance/, so sessions survive restarts."""
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker process won the race: use its key
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
