"""The blueprint of the feedback area: the team's import of returned forms (its views add
their routes here; the blank form to download is an export, on the exports blueprint)."""

from flask import Blueprint

bp = Blueprint("feedback", __name__)
