"""Account pages: register, sign in and out, password reset, the account page, user admin."""

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from wtforms import SelectChoice

from app.accounts import admin_users, services
from app.accounts.forms import (
    ActiveForm,
    ChangePasswordForm,
    ForgotPasswordForm,
    NewUserForm,
    RegisterForm,
    ResetPasswordForm,
    RoleForm,
    SignInForm,
)
from app.accounts.loaders import user_or_404
from app.accounts.models import ROLE_LABELS, Role, Unit, User
from app.accounts.permissions import can_manage_users, require
from app.accounts.sign_in import sign_in as limited_sign_in
from app.accounts.sign_in_limits import SignInLocked
from app.core.extensions import db, limiter
from app.core.i18n import safe_next
from app.core.outcome import carry_out
from app.core.timeutil import utcnow

bp = Blueprint("accounts", __name__)
USERS_PER_PAGE = 50


def unit_choices(blank):
    units = db.session.scalars(select(Unit).order_by(Unit.name)).all()
    return [SelectChoice("", blank)] + [SelectChoice(unit.id, unit.name) for unit in units]


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_SIGNUP"], methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("accounts.account"))
    form = RegisterForm()
    form.unit_id.choices = unit_choices(_("Choose your unit"))
    if form.validate_on_submit():
        unit = new_unit = None
        if form.unit_mode.data == "existing":
            unit = db.session.get(Unit, form.unit_id.data)
        elif form.unit_mode.data == "new":
            new_unit = {
                "name": form.new_unit_name.data,
                "category": form.new_unit_category.data,
                "region": form.new_unit_region.data,
            }
        try:
            user = services.register_participant(
                email=form.email.data,
                name=form.name.data,
                password=form.password.data,
                unit=unit,
                new_unit=new_unit,
                represent=form.represent.data,
                now=utcnow(),
            )
        except services.AccountRefused as error:
            db.session.rollback()
            form.show_refusal(error)
        else:
            db.session.commit()
            login_user(user)
            from app.accounts.verification import send_verification

            send_verification(user=user)
            flash(_("Welcome, %(name)s. Your account is ready.", name=user.name), "success")
            flash(_("We have sent a verification link to %(email)s.", email=user.email), "info")
            if form.represent.data:
                flash(
                    _(
                        "Your request to represent %(unit)s waits for the project team, who "
                        "confirm it once your e-mail address is verified.",
                        unit=user.unit.name,
                    ),
                    "info",
                )
            return redirect(url_for("measures.home"), code=303)
    return render_template("accounts/register.html", form=form)


# No per-process Flask-Limiter limit here: failures are counted per account and per address in
# shared storage by sign_in_limits, so every worker agrees and an office is not locked out.
@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    target = safe_next(request.args.get("next"), url_for("measures.home"))
    if current_user.is_authenticated:
        return redirect(target)
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = limited_sign_in(
                email=form.email.data, password=form.password.data, address=get_remote_address()
            )
        except (services.SignInRefused, SignInLocked) as error:
            db.session.commit()  # the failure counts, for every worker
            form.form_errors.append(error.message)
        else:
            db.session.commit()
            login_user(user, remember=form.remember.data)
            flash(_("You are signed in."), "success")
            return redirect(target, code=303)
    return render_template("accounts/sign_in.html", form=form)


@bp.post("/sign-out")
def sign_out():
    logout_user()
    flash(_("You are signed out."), "info")
    return redirect(url_for("measures.home"), code=303)


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_SIGNIN"], methods=["POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(email=form.email.data)
        db.session.commit()
        flash(
            _(
                "If an account exists for %(email)s, we have sent it a link to choose a new "
                "password. Please check your mailbox.",
                email=form.email.data,
            ),
            "info",
        )
        return redirect(url_for("accounts.sign_in"), code=303)
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    try:
        user = services.user_for_reset_token(token=token)
    except services.ResetRefused as error:
        return render_template("accounts/reset_refused.html", message=error.message), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            services.reset_password(token=token, password=form.password.data)
        except services.AccountRefused as error:
            db.session.rollback()
            form.show_refusal(error)
        else:
            db.session.commit()
            logout_user()
            flash(_("Your password has been changed. Please sign in."), "success")
            return redirect(url_for("accounts.sign_in"), code=303)
    return render_template("accounts/reset_password.html", form=form, user=user)


@bp.get("/account")
@login_required
def account():
    return render_template("accounts/account.html", form=ChangePasswordForm())


@bp.post("/account/password")
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            user = services.change_password(
                user=current_user._get_current_object(),
                current_password=form.current_password.data,
                new_password=form.password.data,
            )
        except services.AccountRefused as error:
            db.session.rollback()
            form.show_refusal(error)
        else:
            db.session.commit()
            login_user(user)  # this session carries on with the new password's version
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("accounts.account"), code=303)
    return render_template("accounts/account.html", form=form)


# Administration -------------------------------------------------------------------------------


def list_url(role_filter: str | None = None, page: int | None = None, q: str = "") -> str:
    pairs = (("q", q), ("role", role_filter), ("page", page))
    return url_for("accounts.manage_users", **{key: value for key, value in pairs if value})


@bp.get("/admin/users")
@require(can_manage_users)
def manage_users():
    role_filter = request.args.get("role", "")
    q = request.args.get("q", "").strip()[:200]
    if role_filter and role_filter not in {role.value for role in Role}:
        abort(404)
    role = Role(role_filter) if role_filter else None
    query = admin_users.users_query(text=q, role=role)
    counts = admin_users.role_counts(text=q)
    # The counts per role already give the total: no second COUNT for the pager.
    page = db.paginate(query, per_page=USERS_PER_PAGE, error_out=False, count=False)
    page.total = counts[role] if role else sum(counts.values())
    return render_template(
        "accounts/manage_users.html",
        page=page,
        q=q,
        role_filter=role_filter,
        roles=ROLE_LABELS,
        counts=counts,
        all_count=sum(counts.values()),
        here=list_url(role_filter, page.page if page.page > 1 else None, q),
        list_url=list_url,
    )


@bp.post("/admin/users/<int:user_id>/role")
@require(can_manage_users)
def change_user_role(user_id):
    user = user_or_404(user_id)
    form = RoleForm()
    back = safe_next(request.form.get("next"), url_for("accounts.manage_users"))
    if not form.validate_on_submit():  # only a forged or truncated form gets here
        flash(_("Nothing was changed: choose a role from the list."), "error")
        return redirect(back, 303)
    return carry_out(
        lambda: services.change_role(
            actor=current_user._get_current_object(), user=user, role=form.role.data
        ),
        lambda user: _("%(name)s is now: %(role)s.", name=user.name, role=user.role_label),
        back,
        refusals=services.AccountRefused,
    )


def _activity_changed(user: User) -> str:
    if user.active:
        return _("The account of %(name)s is active again.", name=user.name)
    return _("The account of %(name)s is deactivated.", name=user.name)


@bp.post("/admin/users/<int:user_id>/active")
@require(can_manage_users)
def set_user_active(user_id):
    user = user_or_404(user_id)
    form = ActiveForm()
    back = safe_next(request.form.get("next"), url_for("accounts.manage_users"))
    if not form.validate_on_submit():
        flash(_("Nothing was changed."), "error")
        return redirect(back, 303)
    return carry_out(
        lambda: services.set_active(
            actor=current_user._get_current_object(), user=user, active=form.active.data == "1"
        ),
        _activity_changed,
        back,
        refusals=services.AccountRefused,
    )


@bp.route("/admin/users/new", methods=["GET", "POST"])
@require(can_manage_users)
def create_user():
    form = NewUserForm()
    form.unit_id.choices = unit_choices(_("No unit"))
    if not form.validate_on_submit():
        return render_template("accounts/new_user.html", form=form)
    unit = db.session.get(Unit, form.unit_id.data) if form.unit_id.data else None

    def refused(error: services.AccountRefused):
        form.show_refusal(error)
        return render_template("accounts/new_user.html", form=form)

    return carry_out(
        lambda: services.create_user(
            email=form.email.data,
            name=form.name.data,
            password=form.password.data,
            role=form.role.data,
            unit=unit,
            actor=current_user._get_current_object(),
        ),
        lambda user: _(
            "Account created for %(name)s (%(role)s).", name=user.name, role=user.role_label
        ),
        url_for("accounts.manage_users"),
        refusals=services.AccountRefused,
        refused=refused,
    )
