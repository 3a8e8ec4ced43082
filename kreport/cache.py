"""A small on-disk cache of expensive results (backtests), keyed by inputs, kreport's code and library versions.

Reports in two languages run the same backtests; the second reads the first's result.
Entries are data only (JSON): nothing read from the cache can run code, so a planted file
can at worst be ignored. Each entry holds its key and the hash of its value, and is used only
when both match: an entry copied under another name, cut short or edited is computed again. A
function may also have a plausibility check (:func:`check_with`): a cached value that fails it
is computed again, never returned. Entries are written to a fresh temporary name and renamed,
so parallel runs never read half a file.

Where the cache lives is handed over explicitly, never through the environment: a build passes
``<out>/.cache`` to the notebooks as their ``forecast_store`` parameter (``open_report`` calls
:func:`use`) and to its workers. Without it, the cache is the user's default (``$KREPORT_CACHE_DIR``,
else ``reports/.cache``, the default build's), so a notebook in JupyterLab reads what ``make reports``
computed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from kreport.config import REPORTS_DIR
from kreport.files import atomic_write

__all__ = ["cache_dir", "cached", "clear", "use", "check_with", "contains", "ENTRY"]

_CODE = Path(__file__).parent
_LIBRARIES = ("numpy", "pandas", "scipy", "statsmodels")
_FOLDER: dict[str, Path | None] = {"path": None}
_CHECKS: dict[tuple[str, str], Callable] = {}
# The names of kreport's cache entries: `--cold` and clear() delete these and nothing else.
ENTRY = re.compile(r"^[0-9a-f]{64}\.(json|pkl)$")


def cache_dir() -> Path:
    """The cache folder of this process: the one set by :func:`use`, else the user's default ($KREPORT_CACHE_DIR,
    like $KREPORT_REPORTS_DIR in config), else reports/.cache. A build never relies on the default: it hands
    every kernel and worker its folder explicitly."""
    return _FOLDER["path"] or Path(os.environ.get("KREPORT_CACHE_DIR") or REPORTS_DIR / ".cache")


def use(folder: Path | str | None) -> None:
    """Keep this process's cache entries in ``folder`` (None or "": the default, reports/.cache)."""
    _FOLDER["path"] = Path(folder) if folder else None


def check_with(function: Callable, check: Callable) -> None:
    """Check every cached result of ``function``: ``check(result, *args, **kwargs)`` false means compute it again."""
    _CHECKS[(function.__module__, function.__qualname__)] = check


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


def _key(function, args, kwargs) -> str:
    return hashlib.sha256(json.dumps(
        [function.__module__, function.__qualname__, _key_part(list(args)), _key_part(kwargs), _code_and_versions()],
        allow_nan=True).encode()).hexdigest()


def _value_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def entry_path(function, *args, cache_folder: Path | None = None, **kwargs) -> Path:
    """Where the result of ``function(*args, **kwargs)`` is (or would be) cached."""
    return Path(cache_folder or cache_dir()) / f"{_key(function, args, kwargs)}.json"


def contains(function, *args, cache_folder: Path | None = None, **kwargs) -> bool:
    """Whether ``function(*args, **kwargs)`` has an entry (not checked: :func:`cached` checks it when read)."""
    return entry_path(function, *args, cache_folder=cache_folder, **kwargs).is_file()


def _read(path: Path, key: str):
    """The value of a sound entry (its key and value hash match), else raise ValueError."""
    record = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(record, dict) or record.get("key") != key or not isinstance(record.get("value"), str):
        raise ValueError("not an entry of this key")
    if _value_hash(record["value"]) != record.get("sha256"):
        raise ValueError("the value does not match its hash")
    return json.loads(record["value"])


def cached(function, *args, decode=None, encode=None, cache_folder: Path | None = None, **kwargs):
    """``function(*args, **kwargs)``, from the cache when the same call was made with the same code and libraries.

    Results are kept as JSON: plain data as it is, anything else through ``encode`` (to a JSON-ready
    record) and ``decode`` (back). A cache entry that is unreadable, not of this key, altered since it
    was written, not what ``decode`` expects, or that fails the function's plausibility check
    (:func:`check_with`) is computed again. ``cache_folder`` overrides the process's cache folder.
    """
    key = _key(function, args, kwargs)
    path = Path(cache_folder or cache_dir()) / f"{key}.json"
    check = _CHECKS.get((function.__module__, function.__qualname__))
    try:
        record = _read(path, key)
        result = decode(record) if decode else record
        if check is None or check(result, *args, **kwargs):
            return result
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    result = function(*args, **kwargs)
    try:
        value = json.dumps(encode(result) if encode else result, default=_plain, allow_nan=True)
        atomic_write(path, json.dumps({"key": key, "sha256": _value_hash(value), "value": value}))
    except (OSError, TypeError, ValueError):
        pass  # a cache that cannot be written only costs time
    return result


def clear(folder: Path | None = None) -> int:
    """Delete kreport's cache entries in ``folder`` (default: the cache folder); return how many.

    Only files named like an entry (64 hex digits, .json or the old .pkl) are deleted: whatever
    else the folder holds is left alone.
    """
    folder = Path(folder) if folder else cache_dir()
    removed = 0
    for path in folder.iterdir() if folder.is_dir() else ():
        if ENTRY.match(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
