"""Co-signatures: a unit's confirmed representative ("participant") and the team decide. The
scenario's comment names no co-signer, so once the role check lets a decider through the
co-signature is not found (404): the role check comes first, and the absence says nothing to
anyone else."""

from tests.permission_rows.representatives import DECIDERS

FOUND_NOTHING = {
    role: "missing" if outcome == "ok" else outcome for role, outcome in DECIDERS.items()
}

ROWS = [
    ("POST", "/representatives/cosignatures/{comment_id}/{unit_id}/confirm", FOUND_NOTHING),
    ("POST", "/representatives/cosignatures/{comment_id}/{unit_id}/decline", FOUND_NOTHING),
]
