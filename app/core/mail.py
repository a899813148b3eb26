"""Outgoing mail: SMTP when MAIL_SERVER is set, else an .eml file under instance/mail/.

The file fallback lets a machine without a mail server (and the tests) read what was sent.
"""

import smtplib
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import current_app

from app.core.timeutil import utcnow


def send_mail(*, to: str, subject: str, body: str) -> Path | None:
    """Send a plain-text message; returns the .eml path when written to disk."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="zhengqiu.local")
    message.set_content(body)

    if config.get("MAIL_SERVER"):
        with smtplib.SMTP(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=30) as smtp:
            smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
        return None

    folder = Path(config.get("MAIL_FOLDER") or Path(current_app.instance_path) / "mail")
    folder.mkdir(parents=True, exist_ok=True)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%f")
    path = folder / f"{stamp}-{to.replace('@', '_at_').replace('/', '_')}.eml"
    path.write_bytes(bytes(message))
    return path
