"""The feedback form (意见反馈表): written for units to fill offline, read back when returned.

Pure Python (openpyxl and python-docx, no Flask, no SQLAlchemy): the views, the preview, the
database commit and the CLI live with the callers; reading citations into clause keys is done
elsewhere, from the raw clause text returned here.
"""

from .form_reading import FormRefused, ReturnedForm, content_sha256, read_form
from .form_writing import FormSpec, write_form_docx, write_form_xlsx
from .model import FormRow

__all__ = [
    "FormRefused",
    "FormRow",
    "FormSpec",
    "ReturnedForm",
    "content_sha256",
    "read_form",
    "write_form_docx",
    "write_form_xlsx",
]
