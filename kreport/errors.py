"""The one exception root of kreport and its structured subclasses."""

from __future__ import annotations

__all__ = ["KreportError", "DataError", "ParameterError", "ModelError", "BuildError"]


class KreportError(Exception):
    """Root of every error kreport raises on purpose."""


class DataError(KreportError):
    """A problem in a data file, located by file, line and column.

    ``line`` counts physical lines of the file, the header being line 1.
    """

    def __init__(self, file, line: int | None, column: str | None, message: str):
        self.file = str(file)
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        col = f" {self.column}:" if self.column else ""
        return f"{where}:{col} {self.message}"


class ParameterError(KreportError, ValueError):
    """A parameter that is unknown, of the wrong type or out of its accepted form."""

    def __init__(self, name: str, value, expected: str):
        self.name = name
        self.value = value
        self.expected = expected
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"The value for `{self.name}` must be {self.expected}, but {self.value!r} was passed."


class ModelError(KreportError):
    """A model could not be fitted or forecast (too few points, a numerical failure)."""


class BuildError(KreportError):
    """The build could not run (another build holds the lock, the data is invalid)."""
