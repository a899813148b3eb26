"""The one exception every area's operations raise when they refuse something the user can act
on (a closed period, a stale edit, a wrong citation): the view rolls back and shows its message.
An area may subclass it to carry more (the lines of a pasted list, why a sign-in failed)."""


class Refused(Exception):
    """A refusal the user can act on; ``message`` is translatable and shown as is; ``field``
    names the form field to show it beside, when it is about one."""

    def __init__(self, message, field: str | None = None) -> None:
        super().__init__(message)  # lazy: translated when shown, in the reader's language
        self.message = message
        self.field = field
