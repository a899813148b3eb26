"""The project team's work on a revision's comments: the queue, assignment and notes, groups
(归并) and their suggestions, answers (处理意见) with review and publication, seminars and comments
entered on behalf, consulted units, the dashboard. Its URL map is in ``blueprint.py``."""
