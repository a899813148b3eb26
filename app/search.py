"""The search seam (being written)."""

from flask.cli import AppGroup

search_cli = AppGroup("search", help="The full-text index of comments and clauses.")
