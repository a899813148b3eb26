"""A file the application hands out, and the media types of the office files it writes.

In core because two areas make such files: exports (the summary table, the ISO sheet) and
feedback (the blank feedback form); exports records each one handed out."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

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
