"""The team's services refuse with translated messages; these tests read them in English."""

import pytest
from flask_babel import force_locale


@pytest.fixture(autouse=True)
def english_messages(request):
    if "app" not in request.fixturenames:  # the pure engine tests need no app
        yield
        return
    request.getfixturevalue("app")
    with force_locale("en"):
        yield
