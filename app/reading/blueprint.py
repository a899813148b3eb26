"""The reading pages' blueprint.

It keeps the name ``measures`` the pages had before they became an area of their own: every
``url_for('measures.…')`` in templates and pages stays valid, and the URLs are the same."""

from flask import Blueprint

bp = Blueprint("measures", __name__)
