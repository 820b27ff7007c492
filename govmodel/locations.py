"""Where things stand in a model file, and a located problem there.

The bottom of govmodel with :mod:`govmodel.errors`: every other layer may
point into a file (a :class:`Location`) or report a :class:`Problem`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "ArgumentLocation",
    "CellLocation",
    "Location",
    "Path",
    "Problem",
    "an",
    "cell_name",
    "format_path",
]


@attrs.frozen
class Location:
    """Where something stands in a model file (1-based line and column)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


def cell_name(row: int, column: int) -> str:
    """A spreadsheet cell's name: ``cell_name(14, 3)`` is ``'C14'``.

    >>> cell_name(14, 3), cell_name(2, 28)
    ('C14', 'AB2')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@attrs.frozen
class CellLocation(Location):
    """A cell of a workbook: ``line`` is the row and ``column`` the column number
    (1-based), printed the way spreadsheets name cells.

    >>> str(CellLocation("sord.xlsx", 14, 3, sheet="Delegations"))
    'sord.xlsx!Delegations!C14'
    """

    sheet: str = attrs.field(kw_only=True)

    @property
    def cell(self) -> str:
        """The cell's name within its sheet (``C14``)."""
        return cell_name(self.line, self.column)

    def __str__(self) -> str:
        return f"{self.file}!{self.sheet}!{self.cell}"


@attrs.frozen
class ArgumentLocation(Location):
    """A command-line option (``--assume msecc.board.quorum=three``) or a Python call
    that a problem comes from, printed as the option was given.

    >>> str(ArgumentLocation("--assume msecc.board.quorum=three"))
    '--assume msecc.board.quorum=three'
    """

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return self.file


def an(phrase: str) -> str:
    """``phrase`` with its indefinite article: ``an officer post``, ``a board``.

    >>> an("aim"), an("party type")
    ('an aim', 'a party type')
    """
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


#: A key path into a model document: ``("bodies", 3, "organisations", 1)``.
Path = tuple[str | int, ...]


def format_path(path: Sequence[str | int]) -> str:
    """Render a key path the way users write it.

    >>> format_path(("bodies", 3, "organisations", 1))
    'bodies[3].organisations[1]'
    >>> format_path(())
    '(top level)'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters (a huge bad value must not flood the screen)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@attrs.frozen
class Problem:
    """One thing wrong with a model: where, what, and what to do about it."""

    path: Path
    message: str
    hint: str | None = None
    location: Location | None = None

    def render(self) -> str:
        """``file:line:col: key.path: message. hint`` (no key path for the file as a whole)."""
        where = f"{self.location}: " if self.location else ""
        message = _clip(self.message, 400)
        message = message if message.endswith((".", "?", "!")) else message + "."
        hint = f" {_clip(self.hint, 1200)}" if self.hint else ""
        if not self.path and isinstance(self.location, ArgumentLocation):
            return f"{where}{message}{hint}"  # the option itself says where
        path = f"{format_path(self.path)}: " if self.path or not where else ""
        return f"{where}{path}{message}{hint}"

    def sort_key(self) -> tuple[int, int, str]:
        """Order problems by position in the file, then by path."""
        if self.location is None:
            return (1 << 30, 0, format_path(self.path))
        return (self.location.line, self.location.column, format_path(self.path))
