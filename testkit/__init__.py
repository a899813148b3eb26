"""Helpers that tests/ and bench/ both use. Neither of those imports the other: what they share
lives here, and this package imports only app/ and the standard library."""
