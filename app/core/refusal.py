"""The one exception every area's operations raise when they refuse something the user can act
on (a closed period, a stale edit, a wrong citation): the view rolls back and shows its message."""


class Refused(Exception):
    """A refusal the user can act on; ``message`` is translatable and shown as is."""

    def __init__(self, message) -> None:
        super().__init__(message)  # lazy: translated when shown, in the reader's language
        self.message = message
