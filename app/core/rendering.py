"""The one Markdown renderer for what users write: no raw HTML, only safe links."""

from markdown_it import MarkdownIt
from markupsafe import Markup

SAFE_SCHEMES = ("http://", "https://", "mailto:")

_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_renderer.disable("image")  # no remote images in comments (tracking pixels, layout breaking)


def _validate_link(url: str) -> bool:
    """Only http(s) and mailto links, and same-site paths; javascript:, data:, vbscript: … never."""
    lowered = url.strip().lower()
    if lowered.startswith(SAFE_SCHEMES):
        return True
    return lowered.startswith("/") and not lowered.startswith("//") or lowered.startswith("#")


_renderer.validateLink = _validate_link


def render_markdown(text: str) -> Markup:
    """User Markdown as safe HTML; raw HTML in the source is shown as text."""
    html = _renderer.render(text or "")
    html = html.replace("<a href=", '<a rel="nofollow noopener ugc" href=')
    return Markup(html)
