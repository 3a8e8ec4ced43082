"""Writing files so that a reader never sees half of one: the one atomic-write helper of kreport.

A foundation like ``config`` and ``errors``: every layer may use it, and it imports no layer.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_write", "temporary_beside"]


@contextlib.contextmanager
def temporary_beside(path: Path, *, mode: int | None = None) -> Iterator[Path]:
    """A fresh, empty temporary file beside ``path``, renamed onto ``path`` when the block ends without error.

    The temporary name is unpredictable and created with O_EXCL (``mkstemp``), so a symlink planted
    beside the target is never followed; on any failure, interruption included, it is removed and
    ``path`` is left as it was. The result gets ``mode``, else the mode of the file it replaces,
    else 0o644.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        if mode is None:
            try:
                mode = path.stat().st_mode & 0o7777
            except OSError:
                mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write(path: Path, data: str | bytes, *, mode: int | None = None, sync: bool = False) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through a temporary file beside it and a rename.

    ``sync`` flushes the bytes to disk before the rename, for files that must survive a power cut
    (the curated data files).
    """
    with temporary_beside(path, mode=mode) as tmp:
        with open(tmp, "wb") as out:
            out.write(data if isinstance(data, bytes) else data.encode("utf-8"))
            if sync:
                out.flush()
                os.fsync(out.fileno())
