"""Zhengqiu (征求): the application factory."""

from pathlib import Path

from flask import Flask, redirect, render_template, url_for

from app import config as app_config
from app.core.database import configure_engine
from app.core.extensions import babel, csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict | None = None) -> Flask:
    """Build the application: config, extensions, blueprints, CLI, error pages."""
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app_config.load(app, overrides)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    from app.accounts.login import configure_login

    configure_login(app, login_manager)

    from app.core.i18n import current_language, select_locale

    babel.init_app(app, locale_selector=select_locale, default_timezone=app.config["TIMEZONE"])

    with app.app_context():
        configure_engine(db.engine)

    register_blueprints(app)
    register_cli(app)
    register_error_pages(app)
    register_favicon(app)
    from app.core import security, templating

    security.register(app)
    templating.register(app)
    app.jinja_env.globals["current_language"] = current_language
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    return app


def register_blueprints(app: Flask) -> None:
    # Every model is known to the mapper and to Alembic before the first request.
    from app import models as _models  # noqa: F401
    from app.accounts.trust_views import bp as trust_bp
    from app.accounts.views import bp as accounts_bp
    from app.admin.views import bp as units_admin_bp
    from app.comments.cosignature_views import bp as cosignatures_bp
    from app.comments.report_views import bp as reports_bp
    from app.comments.views import bp as comments_bp
    from app.core.i18n import bp as i18n_bp
    from app.exports.views import bp as exports_bp
    from app.feedback.views import bp as feedback_bp
    from app.lineage.views import bp as lineage_bp
    from app.measures.admin import bp as measures_admin_bp
    from app.oversight.views import bp as audit_bp
    from app.reading import compare_views as _compare_views  # noqa: F401 (its routes)
    from app.reading.views import bp as measures_bp
    from app.revisions.views import bp as revisions_bp
    from app.triage.blueprint import bp as triage_bp

    app.register_blueprint(i18n_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(trust_bp)
    app.register_blueprint(cosignatures_bp)
    app.register_blueprint(units_admin_bp)
    app.register_blueprint(measures_bp)
    app.register_blueprint(measures_admin_bp)
    app.register_blueprint(comments_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(triage_bp)
    app.register_blueprint(audit_bp)
    app.register_blueprint(feedback_bp)
    app.register_blueprint(exports_bp)
    app.register_blueprint(lineage_bp)
    app.register_blueprint(revisions_bp)


def register_cli(app: Flask) -> None:
    from app.accounts.cli import users_cli
    from app.demo.loader import demo_command
    from app.exports.cli import export_cli
    from app.feedback.cli import forms_cli
    from app.feedback.papers_cli import comments_cli
    from app.measures.cli import drafts_cli
    from app.search.cli import search_cli
    from app.triage.cli import triage_cli

    app.cli.add_command(drafts_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(demo_command)
    app.cli.add_command(search_cli)
    app.cli.add_command(triage_cli)
    app.cli.add_command(forms_cli)
    app.cli.add_command(comments_cli)
    app.cli.add_command(export_cli)


def register_error_pages(app: Flask) -> None:
    def page(code: int):
        def handler(error):
            return render_template("error.html", code=code, error=error), code

        return handler

    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, page(code))


def register_favicon(app: Flask) -> None:
    # Browsers ask for /favicon.ico whatever the page links; answer it instead of logging a 404.
    @app.get("/favicon.ico")
    def favicon():
        return redirect(url_for("static", filename="favicon.svg"), code=301)
