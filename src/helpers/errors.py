"""The project's own exception types.

Every message names the file (where there is one), the problem, and the fix. In a
notebook, these exceptions print as one line instead of a traceback
(``_render_traceback_`` is IPython's hook for that), so a user pointed at a bad file
sees the message and nothing else.
"""

from __future__ import annotations

import numbers


class HelpersError(Exception):
    """Base class for errors that a user can act on."""

    def _render_traceback_(self) -> list[str]:  # IPython hook: one line, no traceback
        return [f"{type(self).__name__}: {self}"]


class ArticleError(HelpersError, ValueError):
    """An article file cannot be read as Indonesian news text."""

    def __init__(self, path, problem: str, fix: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        message = f"{self.path}: {problem}"
        if fix:
            message += f" {fix}"
        super().__init__(message)


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """The article path does not exist or is not a regular file."""


class ArticleEncodingError(ArticleError):
    """The article is not UTF-8 (or UTF-16 with a byte-order mark)."""


class EmptyArticleError(ArticleError):
    """The article has no body text."""


class BinaryArticleError(ArticleError):
    """The article looks like a binary file, not text."""


class ArticleLimitError(ArticleError):
    """The article exceeds one of the input limits (``helpers.config.Limits``)."""


class DatasetError(HelpersError, RuntimeError):
    """A labelled dataset cannot be obtained or fails its checksum."""


class OptionError(HelpersError, ValueError):
    """A helper was called with an invalid option value."""


def invalid_value_msg(name: str, value, expected) -> str:
    """The one wording for a bad option value (textacy ``errors.value_invalid_msg`` style).

    ``expected`` is either a phrase (``"a whole number of 1 or more"``) or the
    allowed values themselves.

    >>> invalid_value_msg("kind", "box", ("warning", "note"))
    "Invalid value for kind: 'box'. Use one of: 'warning', 'note'."
    >>> invalid_value_msg("n", 0, "a whole number of 1 or more")
    'Invalid value for n: 0. Use a whole number of 1 or more.'
    """
    if not isinstance(expected, str):
        expected = "one of: " + ", ".join(repr(a) for a in expected)
    return f"Invalid value for {name}: {value!r}. Use {expected}."


def missing_columns_msg(caller: str, missing, columns, fix: str) -> str:
    """The one wording for a table that lacks columns a helper needs.

    >>> missing_columns_msg("kwic", ["stem"], ["token"], "Build it with helpers.tokens_table().")
    "kwic needs columns ['stem'] that the table lacks (it has ['token']). Build it with helpers.tokens_table()."
    """
    return f"{caller} needs columns {list(missing)} that the table lacks (it has {list(columns)}). {fix}"


def check_option(name: str, value, allowed) -> None:
    """Raise the project's one consistent error for a bad option value."""
    if value not in allowed:
        raise OptionError(invalid_value_msg(name, value, allowed))


def check_positive(name: str, value) -> None:
    """Raise :class:`OptionError` unless ``value`` is a positive whole number.

    >>> check_positive("n_topics", 0)
    Traceback (most recent call last):
    ...
    helpers.errors.OptionError: Invalid value for n_topics: 0. Use a positive integer.
    """
    if not isinstance(value, numbers.Integral) or value < 1:
        raise OptionError(invalid_value_msg(name, value, "a positive integer"))


def require_columns(table, columns, *, caller: str, fix: str) -> None:
    """Raise :class:`OptionError` naming every column of ``columns`` that ``table`` lacks."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise OptionError(missing_columns_msg(caller, missing, table.columns, fix))
