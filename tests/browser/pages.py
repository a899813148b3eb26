"""Addresses of the demo's pages that several browser tests open (not tests themselves)."""

# The team's queue of the demo draft's first revision.
QUEUE = "/m/certified-personnel/r/1/team/comments"
