"""Every area's models, imported once: the factory and Alembic's env.py import this module, so
that the mappers configure (Comment names Event and CommentGroup by string) and the metadata
holds every table. Areas themselves never import it: each imports the models it uses."""

from app.accounts import models as accounts  # noqa: F401
from app.accounts import sign_in_limits  # noqa: F401 (LoginFailure)
from app.audit import models as audit  # noqa: F401
from app.comments import models as comments  # noqa: F401
from app.comments import moderation_models as moderation  # noqa: F401
from app.exports import models as exports  # noqa: F401
from app.feedback import models as feedback  # noqa: F401
from app.lineage import models as lineage  # noqa: F401
from app.measures import models as measures  # noqa: F401
from app.triage import models as triage  # noqa: F401
