"""Receipt numbers and content checksums of comments."""

import hashlib
import json
from collections.abc import Mapping

CONTENT_FIELDS = ("type", "stance", "body", "proposed", "reason", "quote_exact")


def receipt_number(revision, comment_id: int) -> str:
    """CP-R1-000123: the measure's prefix, the revision number, the comment's row id.

    The id is assigned by the database in the transaction that stores the comment, so two
    comments can never share a receipt, whatever arrives at the same moment.
    """
    return f"{revision.measure.receipt_prefix}-R{revision.number}-{comment_id:06d}"


def receipt_for(comment) -> str:
    return receipt_number(comment.revision, comment.id)


def content_sha256(comment) -> str:
    """SHA-256 of what the comment says and where, so a receipt can be checked against it."""
    fields = {name: getattr(comment, name) for name in CONTENT_FIELDS}
    return content_sha256_of(comment.revision, comment.clause, comment.author_id, fields)


def content_sha256_of(revision, clause, author_id: int, fields: Mapping) -> str:
    """The same checksum from a comment's parts, before the comment exists as an object."""
    content = {
        "revision": f"{revision.measure.slug}/r{revision.number}",
        "clause": clause.key if clause else None,
        "author": author_id,
        "type": str(fields["type"]),
        "stance": str(fields["stance"]) if fields["stance"] else None,
        "body": fields["body"],
        "proposed": fields["proposed"],
        "reason": fields["reason"],
        "quote": fields["quote_exact"],
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
