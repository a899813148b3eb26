"""The team's blueprint and its URL map: every page of the triage area, in one table.

The view functions live in one module per topic; their endpoints are ``triage.<function>``.
"""

from flask import Blueprint

from app.triage import consistency_views as consistency
from app.triage import consulted_views as consulted
from app.triage import dashboard_views as dashboard
from app.triage import entry_views as entry
from app.triage import groups_views as groups
from app.triage import moderation_views as moderation
from app.triage import queue_views as queue
from app.triage import responses_views as answers
from app.triage.workbench import workbench_helpers

bp = Blueprint("triage", __name__)

TEAM = "/m/<slug>/r/<int:number>/team"
GET, POST, BOTH = ["GET"], ["POST"], ["GET", "POST"]

URL_MAP = (
    # the team's home, the queue, one comment
    ("/team", queue.team_home, GET),
    (f"{TEAM}/comments", queue.list_comments, GET),
    (f"{TEAM}/comments/bulk", queue.bulk_comments, POST),
    (f"{TEAM}/comments/<int:comment_id>", queue.show_comment, GET),
    (f"{TEAM}/comments/<int:comment_id>/assign", queue.assign_comment, POST),
    (f"{TEAM}/comments/<int:comment_id>/notes", queue.add_comment_note, POST),
    (f"{TEAM}/comments/<int:comment_id>/response", answers.save_comment_response, POST),
    # moderation of a published comment: hide, show again, close its reports
    (f"{TEAM}/comments/<int:comment_id>/hide", moderation.hide_comment, POST),
    (f"{TEAM}/comments/<int:comment_id>/unhide", moderation.unhide_comment, POST),
    (f"{TEAM}/comments/<int:comment_id>/reports/dismiss", moderation.dismiss_reports, POST),
    # the dashboard, and the consistency of the answers with the next text
    (f"{TEAM}/dashboard", dashboard.dashboard, GET),
    (f"{TEAM}/consistency", consistency.consistency, GET),
    # groups (归并) and the suggested groups
    (f"{TEAM}/groups", groups.list_groups, GET),
    (f"{TEAM}/groups/<int:group_id>", groups.show_group, GET),
    (f"{TEAM}/groups/<int:group_id>/rename", groups.rename_group, POST),
    (f"{TEAM}/groups/<int:group_id>/remove", groups.remove_members, POST),
    (f"{TEAM}/groups/<int:group_id>/merge", groups.merge_group, POST),
    (f"{TEAM}/groups/<int:group_id>/dissolve", groups.dissolve_group, POST),
    (f"{TEAM}/groups/<int:group_id>/response", answers.save_group_response, POST),
    (f"{TEAM}/suggestions", groups.suggestions, GET),
    (f"{TEAM}/suggestions/accept", groups.accept_suggestion, POST),
    (f"{TEAM}/suggestions/add", groups.add_suggestion_to_group, POST),
    # answers (处理意见): one for a selection, then review and publication
    (f"{TEAM}/responses", answers.respond_to_selection, POST),
    (f"{TEAM}/responses/<int:response_id>/approve", answers.approve_response, POST),
    (f"{TEAM}/responses/<int:response_id>/return", answers.return_response, POST),
    (f"{TEAM}/responses/<int:response_id>/publish", answers.publish_response, POST),
    (f"{TEAM}/responses/<int:response_id>/unpublish", answers.unpublish_response, POST),
    (f"{TEAM}/responses/<int:response_id>/landings", answers.save_landings, POST),
    (f"{TEAM}/reviews", answers.reviews, GET),
    # seminars and other events (座谈会), and comments entered on behalf (代录)
    (f"{TEAM}/events", entry.events, BOTH),
    (f"{TEAM}/events/<int:event_id>", entry.edit_event_view, POST),
    (f"{TEAM}/entry", entry.enter, BOTH),
    (f"{TEAM}/entry/<int:comment_id>", entry.edit_entered, BOTH),
    # the consulted units (征求意见单位)
    (f"{TEAM}/consulted", consulted.consulted, BOTH),
    (f"{TEAM}/consulted/paste", consulted.paste_consulted, POST),
    (f"{TEAM}/consulted/<int:unit_id>/remove", consulted.remove_consulted, POST),
    (f"{TEAM}/consulted/<int:unit_id>/no-comments", consulted.no_comments_consulted, POST),
)

for rule, view, methods in URL_MAP:
    bp.add_url_rule(rule, view_func=view, methods=methods)

# Helpers every template may call: the workbench navigation, and the answers' labels.
bp.app_context_processor(workbench_helpers)
bp.app_context_processor(answers.answer_helpers)
