"""Expected outcomes per role, shared by the permission matrix and its per-area rows."""

ROLES = ("anonymous", "participant", "other", "team", "reviewer", "official", "admin")
EVERYONE = dict.fromkeys(ROLES, "ok")
SIGNED_IN = {"anonymous": "signin", **dict.fromkeys(ROLES[1:], "ok")}
ADMIN_ONLY = {
    "anonymous": "signin",
    **dict.fromkeys(("participant", "other", "team", "reviewer", "official"), "forbidden"),
    "admin": "ok",
}
# The author and the staff who read every comment; another participant learns nothing.
AUTHOR_AND_STAFF = {
    "anonymous": "signin",
    "participant": "ok",
    "other": "missing",
    **dict.fromkeys(("team", "reviewer", "official", "admin"), "ok"),
}
AUTHOR_ONLY_WRITE = {
    "anonymous": "signin",
    "participant": "ok",
    "other": "missing",
    **dict.fromkeys(("team", "reviewer", "official", "admin"), "forbidden"),
}
PARTICIPANTS_ONLY = {
    "anonymous": "signin",
    "participant": "ok",
    "other": "ok",
    **dict.fromkeys(("team", "reviewer", "official", "admin"), "forbidden"),
}

# Everyone who reads every comment (team, reviewers, officials, admins); participants never.
STAFF_READ = {
    "anonymous": "signin",
    "participant": "forbidden",
    "other": "forbidden",
    **dict.fromkeys(("team", "reviewer", "official", "admin"), "ok"),
}
# What the project team changes: team and admins; reviewers and officials only read.
TEAM_WRITE = {
    **STAFF_READ,
    "reviewer": "forbidden",
    "official": "forbidden",
}
# What reviewers do (approve answers): reviewers and admins.
REVIEW_WRITE = {
    **STAFF_READ,
    "team": "forbidden",
    "official": "forbidden",
}
