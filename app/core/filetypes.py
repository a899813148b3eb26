"""A file the application hands out, and the media types of the office files it writes.

In core because two areas make such files: exports (the summary table, the ISO sheet) and
feedback (the blank feedback form); exports records each one handed out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from flask import Response

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class OutputFile:
    kind: str  # summary.xlsx, iso.xlsx, form.docx …
    filename: str
    mime: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def attachment(output: OutputFile) -> Response:
    """The file as a download, never cached (the staff's editions carry unpublished answers),
    with its SHA-256 for whoever checks a copy against the download log."""
    # content_type, not mimetype: werkzeug appends "; charset=utf-8" to a text/ mimetype, and
    # the CSV's already names its charset (it was sent as "text/csv; charset=utf-8; charset=utf-8").
    reply = Response(output.data, content_type=output.mime)
    reply.headers["Content-Disposition"] = f'attachment; filename="{output.filename}"'
    reply.headers["X-Content-SHA256"] = output.sha256
    reply.headers["Cache-Control"] = "no-store"
    return reply
