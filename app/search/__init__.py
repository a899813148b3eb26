"""Full-text search of comments (Chinese words by jieba), for the team's search box.

The seam the other areas use is three functions: ``index`` (a comment stored or edited),
``remove`` (a comment gone) and ``query`` (comment ids for a text in one revision, best first);
``catch_up`` brings the index up to what is committed. The Whoosh index lives in
``whoosh_index``, its ranking in ``ranking``; nothing outside this package knows Whoosh.
"""

from app.search.whoosh_index import catch_up, index, query, remove

__all__ = ["catch_up", "index", "query", "remove"]
