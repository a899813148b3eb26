"""Flask extensions, created unbound and initialised in create_app()."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints so that Alembic migrations are identical on SQLite and PostgreSQL
# (SQLite's batch mode needs names to drop or alter a constraint).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
# Limits are declared on the views that need them (sign-up, reset requests, commenting): coarse
# brakes on abuse, so per-worker memory (the default) is tolerable; RATELIMIT_STORAGE_URI=redis://
# shares them. Failed sign-ins, a security lock, never rely on it: app/accounts/sign_in_limits.py
# counts them in the database (or that Redis).
limiter = Limiter(key_func=get_remote_address, default_limits=[])
