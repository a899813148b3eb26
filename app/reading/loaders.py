"""What the reading pages load beyond measures' loaders: a measure with the revisions the reader
may see, a clause within its revision's tree."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from app.measures.loaders import measure_or_404, published_revision
from app.measures.models import Measure, Revision
from app.measures.queries import visible_revisions
from app.measures.reading import Node, Tree, load_tree
from app.measures.rules import can_see_unpublished_revisions


def published_node(slug: str, number: int, key: str) -> tuple[Revision, Tree, Node]:
    """The published revision, its clause tree and the node of clause ``key``; 404 when the
    revision is not published or has no such clause."""
    revision = published_revision(slug, number)
    tree = load_tree(revision)
    node = tree.nodes.get(key)
    if node is None:
        abort(404)
    return revision, tree, node


def measure_revisions(slug: str) -> tuple[Measure, list[Revision]]:
    """The measure ``slug`` and the revisions the current user may see (the published ones;
    the staff see all); 404 when there is none to show."""
    found = measure_or_404(slug)
    revisions = visible_revisions(
        found, with_unpublished=can_see_unpublished_revisions(current_user)
    )
    if not revisions:
        abort(404)
    return found, revisions
