"""The base of every form: Flask-WTF (CSRF), with WTForms' own messages translated once.

Flask-WTF loads WTForms' message catalogue anew for every request that builds a form; the
catalogue never changes while the process runs, so it is loaded once per language here.
"""

from functools import lru_cache

from babel import support
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path


@lru_cache(maxsize=8)
def wtforms_translations(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class Form(FlaskForm):
    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            return wtforms_translations(str(get_locale()))

    def show_refusal(self, refusal) -> None:
        """Show a service's refusal (``app.core.refusal.Refused``) beside the field it names,
        or above the form."""
        field = getattr(self, refusal.field, None) if refusal.field else None
        if field is not None:
            field.errors = [*field.errors, refusal.message]
        else:
            self.form_errors.append(refusal.message)
