"""The team's pages, one module per topic, all on the ``triage`` blueprint."""

from app.feedback import views as _feedback_views  # noqa: F401 (the form import's pages)
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
