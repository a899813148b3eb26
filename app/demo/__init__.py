"""The demo consultation `make run` loads once: the drafts of drafts/, accounts, comments,
seminars, answers and a second round. Above every other area; nothing imports it."""
