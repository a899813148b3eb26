"""`flask triage …`: the team's commands."""

from flask.cli import AppGroup

triage_cli = AppGroup("triage", help="The project team's tools.")
