"""File writers of the summary table and the ISO comment sheet.

Pure layout: they take the data of ``app.exports.summary_model`` (every string already in the
edition's language) and return the bytes of a file. No Flask, no database. The same data gives
byte-identical files, so the SHA-256 recorded for a download can be reproduced.
"""

from app.exports.writers.csv_writer import write_summary_csv
from app.exports.writers.docx import write_summary_docx
from app.exports.writers.json_writer import read_summary_json, write_summary_json
from app.exports.writers.xlsx import write_iso_xlsx, write_summary_xlsx

__all__ = [
    "read_summary_json",
    "write_iso_xlsx",
    "write_summary_csv",
    "write_summary_docx",
    "write_summary_json",
    "write_summary_xlsx",
]
