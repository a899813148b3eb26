"""The one exception the team's operations raise when they refuse something."""


class TriageRefused(Exception):
    """A refusal the team member can act on; ``message`` is translatable and shown as is."""

    def __init__(self, message) -> None:
        super().__init__(message)  # lazy: translated when shown, in the reader's language
        self.message = message
