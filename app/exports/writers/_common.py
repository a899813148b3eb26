"""What every writer shares: a fixed moment for the file's dates, and zips without clocks.

openpyxl and python-docx stamp each zip entry with the current time and the core properties
with "now"; both would change the SHA-256 of every download. The moment used instead is
derived from the summary's date, so a file is reproducible from its data alone.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

# The earliest moment a zip entry can carry (MS-DOS dates start in 1980).
_ZIP_EPOCH = datetime(1980, 1, 1)


def fixed_moment(day: str) -> datetime:
    """Midnight of ``day`` (ISO 8601, YYYY-MM-DD); the zip epoch when no date is given."""
    if not day:
        return _ZIP_EPOCH
    try:
        parsed = date.fromisoformat(day[:10])
    except ValueError as error:
        raise ValueError(f"header date must be YYYY-MM-DD, got {day!r}") from error
    return max(datetime(parsed.year, parsed.month, parsed.day), _ZIP_EPOCH)


class FixedTimeZipFile(zipfile.ZipFile):
    """A ZipFile writing every entry with the same timestamp and permissions."""

    def __init__(self, file, moment: datetime, **kwargs):
        super().__init__(file, "w", compression=zipfile.ZIP_DEFLATED, **kwargs)
        self._date_time = moment.timetuple()[:6]

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl's write-only sheets arrive as a temporary file named by the OS.
        with open(filename, "rb") as source:
            self.writestr(arcname or filename, source.read())


def repack(data: bytes, moment: datetime) -> bytes:
    """The same zip, entries in the same order, every timestamp set to ``moment``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, FixedTimeZipFile(out, moment) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    return out.getvalue()


def docx_bytes(document, *, title: str, subject: str, day: str) -> bytes:
    """The python-docx ``document`` as bytes that depend on its content only: core properties
    named by us and dated ``day`` (not "now", not the template's), zip entries at that moment."""
    moment = fixed_moment(day)
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.author = properties.last_modified_by = "Zhengqiu"
    properties.comments = ""
    properties.revision = 1
    properties.created = properties.modified = moment
    out = io.BytesIO()
    document.save(out)
    return repack(out.getvalue(), moment)
