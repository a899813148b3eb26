"""The search seam: ``index(comment)``, ``remove(comment_id)``, ``query(text, revision_id=)``.

Whoosh (whoosh-reloaded) keeps one document per comment in ``<instance>/search/``: its words,
proposed wording and reason in ``text``, and the text of its clause in ``clause`` (weighted
less), both analysed by jieba's ChineseAnalyzer, which also lower-cases and stems English.

Submitting a comment never touches the index: ``query()`` first catches up, without waiting,
with every comment stored or changed since the watermark kept beside the index. If another
process holds the writer lock, the search runs on the index as it is and catches up next time.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import or_, select

from app.comments.models import Comment, CommentStatus
from app.core.extensions import db
from app.measures.models import Clause
from app.search.ranking import analyzer, query_words, score_segment

WATERMARK = "watermark.json"
# A comment's updated_at is set before its transaction commits, so one may become visible
# after a later one was indexed: every catch-up looks back this far, skipping what it has seen.
MARGIN = timedelta(seconds=60)
BATCH = 2000

_open_lock = threading.Lock()
_catch_up_lock = threading.Lock()
_indexes: dict[str, object] = {}  # index folder -> whoosh Index, shared by the process's threads
_local = threading.local()  # each thread its own searcher: whoosh searchers are not thread-safe


def _schema():
    from whoosh.fields import ID, TEXT, Schema

    chinese = analyzer()
    return Schema(
        id=ID(unique=True, stored=True, sortable=True),
        revision_id=ID(),
        text=TEXT(analyzer=chinese, phrase=False),
        clause=TEXT(analyzer=chinese, phrase=False),
    )


def folder() -> Path:
    configured = current_app.config.get("SEARCH_INDEX_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "search"


# -- the watermark -------------------------------------------------------------------------


@dataclass
class Watermark:
    """What the index holds: the highest id and updated_at seen, and the comments seen within
    MARGIN of that time with the updated_at they were indexed at."""

    index_id: str
    max_id: int = 0
    max_updated: datetime | None = None
    recent: dict[int, str] = field(default_factory=dict)

    @property
    def since(self) -> datetime | None:
        return self.max_updated - MARGIN if self.max_updated else None

    def advance(self, rows) -> None:
        for comment_id, updated_at in rows:
            self.max_id = max(self.max_id, comment_id)
            if self.max_updated is None or updated_at > self.max_updated:
                self.max_updated = updated_at
            self.recent[comment_id] = updated_at.isoformat()
        since = self.since.isoformat() if self.since else ""
        self.recent = {key: value for key, value in self.recent.items() if value >= since}

    def save(self, path: Path) -> None:
        data = {
            "index_id": self.index_id,
            "max_id": self.max_id,
            "max_updated": self.max_updated.isoformat() if self.max_updated else None,
            "recent": {str(key): value for key, value in self.recent.items()},
        }
        partial = path / f"{WATERMARK}.{os.getpid()}.{threading.get_ident()}"
        partial.write_text(json.dumps(data))
        os.replace(partial, path / WATERMARK)  # readers see the old file or the new, never half

    @classmethod
    def load(cls, path: Path) -> Watermark:
        data = json.loads((path / WATERMARK).read_text())
        updated = data["max_updated"]
        return cls(
            index_id=data["index_id"],
            max_id=data["max_id"],
            max_updated=datetime.fromisoformat(updated) if updated else None,
            recent={int(key): value for key, value in data["recent"].items()},
        )


# -- documents ----------------------------------------------------------------------------


def _clause_texts(clause_ids) -> dict[int, str]:
    ids = {clause_id for clause_id in clause_ids if clause_id is not None}
    if not ids:
        return {}
    rows = db.session.execute(
        select(Clause.id, Clause.citation, Clause.caption, Clause.text, Clause.text_en).where(
            Clause.id.in_(ids)
        )
    )
    return {row.id: "\n".join(part for part in row[1:] if part) for row in rows}


def _document(row, clause_text: str) -> dict:
    return {
        "id": str(row.id),
        "revision_id": str(row.revision_id),
        "text": "\n".join(part for part in (row.body, row.proposed, row.reason) if part),
        "clause": clause_text,
    }


_COLUMNS = (
    Comment.id,
    Comment.revision_id,
    Comment.clause_id,
    Comment.status,
    Comment.body,
    Comment.proposed,
    Comment.reason,
    Comment.updated_at,
)


def _write(writer, rows, clause_texts: dict[int, str], *, fresh: bool = False) -> int:
    """Add, replace or drop the documents of ``rows``; how many comments are now indexed."""
    count = 0
    for row in rows:
        if row.status == CommentStatus.WITHDRAWN:
            if not fresh:
                writer.delete_by_term("id", str(row.id))
            continue
        document = _document(row, clause_texts.get(row.clause_id, ""))
        if fresh:
            writer.add_document(**document)
        else:
            writer.update_document(**document)
        count += 1
    return count


# -- opening, rebuilding ------------------------------------------------------------------


def _open(path: Path):
    """The process's Index on ``path``, reopened if the folder was rebuilt by anyone."""
    from whoosh import index as whoosh_index

    key = str(path)
    watermark = Watermark.load(path)  # missing or unreadable: the caller rebuilds
    with _open_lock:
        cached = _indexes.get(key)
        if cached is None or cached[0] != watermark.index_id:
            analyzer()  # the schema's analyzer, imported before whoosh unpickles it
            cached = (watermark.index_id, whoosh_index.open_dir(key))
            _indexes[key] = cached
    return cached[1], watermark


def _searcher(path: Path):
    ix, _watermark = _open(path)
    searchers = getattr(_local, "searchers", None)
    if searchers is None:
        searchers = _local.searchers = {}
    current = searchers.get(str(path))
    if current is None or current[0] is not ix or not current[1].up_to_date():
        if current is not None:
            current[1].close()
        # not refresh(): it reuses segment readers and so misses new deletions in them
        current = (ix, ix.searcher())
    searchers[str(path)] = current
    return current[1]


def _forget(path: Path) -> None:
    """Drop the process's open index and this thread's searcher on ``path``."""
    with _open_lock:
        _indexes.pop(str(path), None)
    getattr(_local, "searchers", {}).pop(str(path), None)


def rebuild(*, procs: int = 1, limitmb: int = 256) -> int:
    """Index every comment afresh in a new folder, then put it in place of the old one; how
    many comments are indexed. Searches go on meanwhile on the old index."""
    from whoosh import index as whoosh_index

    path = folder()
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f"{path.name}.new-{uuid.uuid4().hex[:8]}")
    fresh.mkdir()
    ix = whoosh_index.create_in(str(fresh), _schema())
    watermark = Watermark(index_id=uuid.uuid4().hex)
    options = {"limitmb": limitmb}
    if procs > 1:
        options.update(procs=procs, multisegment=True)
    writer = ix.writer(**options)
    count = 0
    clause_texts: dict[int, str] = {}
    last_id = 0
    try:
        while True:  # in id order by batches: memory stays flat at 100,000 comments
            rows = db.session.execute(
                select(*_COLUMNS).where(Comment.id > last_id).order_by(Comment.id).limit(BATCH)
            ).all()
            if not rows:
                break
            missing = {row.clause_id for row in rows} - clause_texts.keys()
            clause_texts.update(_clause_texts(missing))
            count += _write(writer, rows, clause_texts, fresh=True)
            watermark.advance((row.id, row.updated_at) for row in rows)
            last_id = rows[-1].id
        writer.commit()
    except BaseException:
        writer.cancel()
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    ix.close()
    watermark.save(fresh)
    _swap(fresh, path)
    return count


def _swap(fresh: Path, path: Path) -> None:
    old = path.with_name(f"{path.name}.old-{uuid.uuid4().hex[:8]}")
    if path.exists():
        os.replace(path, old)
    os.replace(fresh, path)
    shutil.rmtree(old, ignore_errors=True)  # open readers keep their files until they close


def _ensure_index(path: Path):
    """The index and its watermark; a missing or unreadable one is rebuilt, saying so."""
    try:
        return _open(path)
    except Exception as error:  # a half-written, truncated or foreign folder: start again
        current_app.logger.warning("search index %s unusable (%r): rebuilding it", path, error)
        rebuild()
        return _open(path)


# -- catching up --------------------------------------------------------------------------


def _pending(watermark: Watermark) -> list[int]:
    """Comments created or changed since the watermark, not yet indexed as they are now."""
    condition = Comment.id > watermark.max_id
    if watermark.since is not None:
        condition = or_(condition, Comment.updated_at >= watermark.since)
    rows = db.session.execute(select(Comment.id, Comment.updated_at).where(condition))
    return [
        comment_id
        for comment_id, updated_at in rows
        if watermark.recent.get(comment_id) != updated_at.isoformat()
    ]


def catch_up(*, wait: bool = False) -> int:
    """Index every comment stored or changed since the last catch-up; how many.

    Without ``wait`` it gives up at once (returning 0) when another thread or process is
    writing to the index: the caller searches the index as it is."""
    from whoosh.index import LockError

    path = folder()
    ix, watermark = _ensure_index(path)
    if not _catch_up_lock.acquire(blocking=wait):
        return 0
    try:
        if not _pending(watermark):
            return 0  # the common case reads the database once and never takes the lock
        try:
            writer = ix.writer(timeout=30.0 if wait else 0.0)
        except LockError:
            return 0
        try:
            watermark = Watermark.load(path)  # another process may have caught up meanwhile
            ids = _pending(watermark)
            rows = []
            for start in range(0, len(ids), BATCH):
                chunk = ids[start : start + BATCH]
                rows += db.session.execute(select(*_COLUMNS).where(Comment.id.in_(chunk))).all()
            count = _write(writer, rows, _clause_texts(row.clause_id for row in rows))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        watermark.advance((row.id, row.updated_at) for row in rows)
        watermark.save(path)
        return count
    finally:
        _catch_up_lock.release()


def index(comment: Comment) -> None:
    """Put one comment in the index now (or take it out if withdrawn). If the index is busy
    this does nothing: the next catch-up finds the comment by its updated_at."""
    _change(lambda writer: _write(writer, [comment], _clause_texts([comment.clause_id])))


def remove(comment_id: int) -> None:
    """Take one comment out of the index (for a comment deleted from the database)."""
    _change(lambda writer: writer.delete_by_term("id", str(comment_id)))


def _change(action) -> None:
    from whoosh.index import LockError

    ix, _watermark = _ensure_index(folder())
    try:
        writer = ix.writer(timeout=1.0)
    except LockError:
        return
    try:
        action(writer)
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


def query(text: str, *, revision_id: int, limit: int | None = None) -> list[int]:
    """Ids of the revision's comments holding every word of ``text``, best first."""
    if not text or not text.strip():
        return []
    try:
        catch_up()
    except Exception as error:  # e.g. the folder swapped by a rebuild under our writer
        current_app.logger.warning("search catch-up failed (%r): searching as it is", error)
    words = query_words(text)
    if not words:
        return []
    path = folder()
    try:
        found = _search(path, revision_id, words)
    except Exception as error:  # a stale reader first; if a fresh one fails too, rebuild
        _forget(path)
        try:
            found = _search(path, revision_id, words)
        except Exception:
            current_app.logger.warning("search index %s failed (%r): rebuilding it", path, error)
            rebuild()
            found = _search(path, revision_id, words)
    found.sort(key=lambda pair: (-pair[0], pair[1]))
    return [comment_id for _score, comment_id in found[:limit]]


def _search(path: Path, revision_id: int, words) -> list[tuple[float, int]]:
    reader = _searcher(path).reader()
    found = []
    for leaf, _offset in reader.leaf_readers():
        found += score_segment(leaf, revision_id, words, reader)
    return found


# -- commands -----------------------------------------------------------------------------
