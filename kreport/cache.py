"""A small on-disk cache of expensive results (backtests), keyed by inputs and kreport's code.

Reports in two languages run the same backtests; the second reads the first's result.
Entries are written to a temporary name and renamed, so parallel runs never read half a file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from kreport.config import REPORTS_DIR

__all__ = ["CACHE_DIR", "cached"]

CACHE_DIR = Path(os.environ.get("KREPORT_CACHE_DIR") or REPORTS_DIR / ".cache")
_CODE = Path(__file__).parent


def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(_CODE.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached(function, *args, **kwargs):
    """``function(*args, **kwargs)``, from the cache when the same call was made with the same code."""
    key = hashlib.sha256(
        pickle.dumps((function.__module__, function.__qualname__, args, sorted(kwargs.items()), _code_hash()))
    ).hexdigest()
    path = CACHE_DIR / f"{key}.pkl"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    result = function(*args, **kwargs)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(result, handle)
        tmp.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return result
