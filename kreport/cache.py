"""A small on-disk cache of expensive results (backtests), keyed by inputs, kreport's code and library versions.

Reports in two languages run the same backtests; the second reads the first's result.
Entries are data only (JSON): nothing read from the cache can run code, so a planted file
can at worst be ignored. Entries are written to a fresh temporary name and renamed, so
parallel runs never read half a file. The build points the cache at its output folder
(``$KREPORT_CACHE_DIR``, set for its workers); elsewhere it is ``reports/.cache``.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from kreport.config import REPORTS_DIR
from kreport.files import atomic_write

__all__ = ["cache_dir", "cached", "clear"]

_CODE = Path(__file__).parent
_LIBRARIES = ("numpy", "pandas", "scipy", "statsmodels")


def cache_dir() -> Path:
    return Path(os.environ.get("KREPORT_CACHE_DIR") or REPORTS_DIR / ".cache")


@cache
def _code_and_versions() -> str:
    digest = hashlib.sha256()
    for path in sorted(_CODE.rglob("*.py")):
        digest.update(path.read_bytes())
    for library in _LIBRARIES:  # another statsmodels may fit another model
        try:
            digest.update(f"{library} {version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"{library} -".encode())
    return digest.hexdigest()


def _plain(value):
    """JSON for numbers that numpy hands over (np.float64, np.int64, NaN) and for tuples."""
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not data the cache keeps")


def _key_part(value):
    """A canonical, JSON-ready form of an argument: a Series or frame by its name, labels and values.

    Pickling a pandas object is not stable (its index keeps lazily filled caches), so the same
    call would miss the cache once the series had been used.
    """
    if isinstance(value, (pd.Series, pd.DataFrame)):
        return [type(value).__name__, str(getattr(value, "name", None)), value.to_csv()]
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (list, tuple)):
        return [_key_part(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _key_part(v) for k, v in sorted(value.items())}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    raise TypeError(f"{type(value).__name__} cannot be part of a cache key")


def cached(function, *args, decode=None, encode=None, **kwargs):
    """``function(*args, **kwargs)``, from the cache when the same call was made with the same code and libraries.

    Results are kept as JSON: plain data as it is, anything else through ``encode`` (to a JSON-ready
    record) and ``decode`` (back). A cache entry that is unreadable, or not what ``decode`` expects,
    is computed again.
    """
    key = hashlib.sha256(json.dumps(
        [function.__module__, function.__qualname__, _key_part(list(args)), _key_part(kwargs), _code_and_versions()],
        allow_nan=True).encode()).hexdigest()
    path = cache_dir() / f"{key}.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return decode(record) if decode else record
    except (OSError, ValueError, KeyError, TypeError):
        pass
    result = function(*args, **kwargs)
    try:
        text = json.dumps(encode(result) if encode else result, default=_plain, allow_nan=True)
        atomic_write(path, text)
    except (OSError, TypeError, ValueError):
        pass  # a cache that cannot be written only costs time
    return result


def clear(folder: Path | None = None) -> int:
    """Delete every cache entry in ``folder`` (default: the cache folder); return how many."""
    folder = Path(folder) if folder else cache_dir()
    removed = 0
    for path in folder.glob("*.json") if folder.is_dir() else ():
        path.unlink(missing_ok=True)
        removed += 1
    for path in folder.glob("*.pkl") if folder.is_dir() else ():  # entries of the old, pickled format
        path.unlink(missing_ok=True)
        removed += 1
    return removed
