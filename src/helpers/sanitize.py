"""An HTML sanitizer for nbconvert that keeps what Markdown produces.

nbconvert's own ``clean_html`` filter (used when "Sanitize HTML" is ticked, the
default of JupyterLab's File → Save and Export Notebook As → HTML) allows only
bleach's short list of inline tags. Every ``<p>``, heading and table header that
Markdown produces is then escaped and shown to the reader as literal text
(jupyter/nbconvert#2016). This filter is a drop-in replacement, registered through
nbconvert's own ``TemplateExporter.filters`` setting (see :mod:`helpers.jupyter_setup`):
it keeps the structure Markdown and plain HTML tables need and still removes what
makes an export unsafe: scripts, ``<style>``, inline ``style``, event handlers,
``javascript:`` links and ``data:`` links (``data:`` is allowed for images only).

Hand-written on top of bleach because bleach (nbconvert's sanitizer) is the
well-kept part; only the allow-list is ours.
"""

from __future__ import annotations

import bleach

#: Tags Markdown and the project's tables produce, on top of bleach's inline set.
ALLOWED_TAGS = frozenset(
    {
        *bleach.ALLOWED_TAGS,
        "p",
        "br",
        "hr",
        "div",
        "span",
        "pre",
        "sup",
        "sub",
        "del",
        "s",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "img",
        "figure",
        "figcaption",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "colgroup",
        "col",
        "dl",
        "dt",
        "dd",
        "details",
        "summary",
        "kbd",
        "samp",
        "var",
        "mark",
        "small",
    }
)

_GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
_TAG_ATTRIBUTES = {
    "a": {"href", "name", "rel"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "abbr": {"title"},
}


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name in _GLOBAL_ATTRIBUTES or name in _TAG_ATTRIBUTES.get(tag, ()):
        # data: URLs carry embedded figures; anywhere but an image they could carry a page.
        return not (name == "href" and value.strip().lower().startswith("data:"))
    return False


def clean_html(element) -> str:
    """Sanitize an HTML fragment, keeping Markdown's structure (headings, paragraphs,
    tables, lists, images); same signature as nbconvert's ``clean_html`` filter."""
    text = element.decode() if isinstance(element, bytes) else str(element)
    return bleach.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=_allowed_attribute,
        protocols=[*bleach.ALLOWED_PROTOCOLS, "data"],
        strip=False,
        strip_comments=True,
    )
