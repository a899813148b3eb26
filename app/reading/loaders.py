"""What the reading pages load beyond measures' loaders: a clause within its revision's tree."""

from __future__ import annotations

from flask import abort

from app.measures.loaders import published_revision
from app.measures.models import Revision
from app.measures.reading import Node, Tree, load_tree


def published_node(slug: str, number: int, key: str) -> tuple[Revision, Tree, Node]:
    """The published revision, its clause tree and the node of clause ``key``; 404 when the
    revision is not published or has no such clause."""
    revision = published_revision(slug, number)
    tree = load_tree(revision)
    node = tree.nodes.get(key)
    if node is None:
        abort(404)
    return revision, tree, node
