"""Prose for the notebooks: one contract, a trusted template plus values.

Every computed sentence a notebook shows is a :class:`Prose`. Its ``template`` is
written by us and may carry Markdown emphasis; its ``values`` come from the data and
may hold anything an article holds (``<script>``, ``*``, ``[link](x)``).

* ``str(prose)`` (a ``Prose`` *is* a ``str``) is the plain sentence, values unescaped:
  use it in tests, logs and CSVs, or compare it with ``==``.
* :meth:`Prose.markdown` is the same sentence with every value escaped; this is the
  one place where escaping happens. :func:`helpers.notebook.md` displays it.
* A value that is itself a ``Prose`` keeps its own template trusted and has its own
  values escaped, so sentences compose without doubling braces or losing escaping.

Numbers pass through unescaped (they cannot carry markup), so ``{share:.0%}`` works.
Singular or plural is chosen in one function, :func:`plural`.
"""

from __future__ import annotations

import html
import numbers
import re
from collections.abc import Iterable

#: Characters that would start Markdown formatting inside an interpolated value.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def escape_markdown(value) -> str:
    """Escape a value for safe interpolation into Markdown (HTML and Markdown syntax).

    >>> escape_markdown("*a* <b>")
    '\\\\*a\\\\* &lt;b&gt;'
    """
    # quote=False: quotes are harmless in Markdown text, and escaping them to &#x27;
    # would then have its '#' escaped too, showing readers a literal entity.
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def _is_number(value) -> bool:
    # Numbers cannot carry markup, so they pass through unescaped and format specs
    # such as {share:.0%} work in templates.
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def _escaped(value):
    if isinstance(value, Prose):
        return value.markdown()
    return value if _is_number(value) else escape_markdown(value)


class Prose(str):
    """A sentence built from a trusted ``template`` and untrusted ``values``.

    The string itself is the plain text (and its ``repr``); :meth:`markdown` is the
    escaped rendering.

    >>> p = Prose("**{n}** paragraphs mention *{name}*.", n=3, name="Kim_Jong-un")
    >>> str(p)
    '**3** paragraphs mention *Kim_Jong-un*.'
    >>> p.markdown()
    '**3** paragraphs mention *Kim\\\\_Jong-un*.'
    """

    template: str
    values: dict

    def __new__(cls, template: str, /, **values) -> Prose:
        plain = template.format(
            **{key: str(v) if isinstance(v, Prose) else v for key, v in values.items()}
        )
        self = super().__new__(cls, plain)
        self.template = template
        self.values = values
        return self

    def markdown(self) -> str:
        """The sentence as Markdown: the template as written, every value escaped."""
        return self.template.format(
            **{key: _escaped(v) for key, v in self.values.items()}
        )


def join(parts: Iterable, sep: str = " ") -> Prose:
    """Parts (``Prose`` or plain values) joined by a trusted separator, as one ``Prose``.

    Empty parts are dropped, so an optional sentence can be ``""``.

    >>> join([Prose("**{n}** words.", n=5), "Kim*"]).markdown()
    '**5** words. Kim\\\\*'
    """
    parts = [part for part in parts if str(part)]
    values = {f"p{i}": part for i, part in enumerate(parts)}
    return Prose(_literal(sep).join(f"{{p{i}}}" for i in range(len(parts))), **values)


def plural(
    n, singular: str, plural_form: str | None = None, *, with_count: bool = True
) -> str:
    """The one place that picks singular or plural: ``'1 paragraph'``, ``'3 paragraphs'``.

    Regular English plurals add ``s``; pass ``plural_form`` for the others, and
    ``with_count=False`` for the word alone (verbs: ``plural(k, "is", "are",
    with_count=False)``).

    >>> plural(1, "paragraph"), plural(0, "sentence"), plural(2, "pair", "pairs")
    ('1 paragraph', '0 sentences', '2 pairs')
    >>> plural(1, "occurs", "occur", with_count=False), plural(3, "occurs", "occur", with_count=False)
    ('occurs', 'occur')
    """
    word = singular if n == 1 else (plural_form or singular + "s")
    return f"{n} {word}" if with_count else word


def bullets(items: Iterable[tuple[str, object]], *, numbered: bool = False) -> Prose:
    """A Markdown list of ``(heading, text)`` items: headings trusted and bold, texts as values.

    >>> print(bullets([("Size.", "17 paragraphs"), ("Actors.", Prose("*{a}*", a="Kim_Jong"))]).markdown())
    - **Size.** 17 paragraphs
    - **Actors.** *Kim\\_Jong*
    """
    lines, values = [], {}
    for i, (heading, text) in enumerate(items, 1):
        marker = f"{i}." if numbered else "-"
        lines.append(f"{marker} **{_literal(heading)}** {{t{i}}}")
        values[f"t{i}"] = text
    return Prose("\n".join(lines), **values)


def _literal(text: str) -> str:
    """Trusted text made safe to sit inside a template (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")
