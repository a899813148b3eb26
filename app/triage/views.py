"""The team's pages, one module per topic, all on the ``triage`` blueprint."""

from app.triage import (  # noqa: F401 (each module adds its routes to bp)
    consulted_views,
    dashboard_views,
    entry_views,
    groups_views,
    queue_views,
    responses_views,
    workbench,
)
from app.triage.blueprint import bp

__all__ = ["bp"]
