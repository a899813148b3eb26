"""The triage blueprint, with every route on it: the URL map in app/triage/blueprint.py, and
the modules that still add theirs by decorators on ``bp`` (imported here for that)."""

from app.triage import entry_views  # noqa: F401 (the fast entry's and the events' pages)
from app.triage.blueprint import bp

__all__ = ["bp"]
