"""Receipt numbers and content checksums of comments."""

import hashlib
import json


def receipt_for(comment) -> str:
    """CP-R1-000123: the measure's prefix, the revision number, the comment's row id.

    The id is assigned by the database in the transaction that stores the comment, so two
    comments can never share a receipt, whatever arrives at the same moment.
    """
    revision = comment.revision
    return f"{revision.measure.receipt_prefix}-R{revision.number}-{comment.id:06d}"


def content_sha256(comment) -> str:
    """SHA-256 of what the comment says and where, so a receipt can be checked against it."""
    content = {
        "revision": f"{comment.revision.measure.slug}/r{comment.revision.number}",
        "clause": comment.clause.key if comment.clause else None,
        "author": comment.author_id,
        "type": str(comment.type),
        "stance": str(comment.stance) if comment.stance else None,
        "body": comment.body,
        "proposed": comment.proposed,
        "reason": comment.reason,
        "quote": comment.quote_exact,
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
