"""Writing files so that a reader never sees half of one: the one atomic-write helper of kreport.

A foundation like ``config`` and ``errors``: every layer may use it, and it imports no layer.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kreport.errors import KreportError

__all__ = ["atomic_write", "temporary_beside", "data_lock", "DATA_LOCK_NAME", "DataLockBusy", "leftover_temporaries"]


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


# --- the data lock --------------------------------------------------------------------------------------
# One lock per data folder, a file in the folder itself: `kreport extract --apply` (the one writer of data/)
# holds it from before it reads the files until its last rename; a build takes the same lock while it reads
# the data, so it never sees a half-applied change and --apply never writes under a running build.
DATA_LOCK_NAME = ".kreport-data.lock"
DATA_LOCK_TIMEOUT = 30.0  # seconds to wait for another holder before refusing


class DataLockBusy(KreportError):
    """Another kreport process holds a data folder's lock for longer than we wait."""


@contextlib.contextmanager
def data_lock(data_dir: Path, *, timeout: float | None = None, purpose: str = "use") -> Iterator[Path]:
    """Hold the data folder's lock (``<data_dir>/.kreport-data.lock``, exclusive, through ``filelock``) for the block.

    Waits up to ``timeout`` seconds (default DATA_LOCK_TIMEOUT) for another holder (another `extract --apply`,
    a build reading the data), then raises DataLockBusy naming the lock file. Yields the lock file's path.
    """
    from filelock import FileLock, Timeout

    timeout = DATA_LOCK_TIMEOUT if timeout is None else timeout
    path = Path(data_dir) / DATA_LOCK_NAME
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise DataLockBusy(f"{path}: another kreport process (an `extract --apply` or a build) is using the data folder "
                           f"{data_dir}; waited {timeout:g} s to {purpose} it; nothing was changed; run again when it has finished") from exc
    try:
        yield path
    finally:
        lock.release()


def leftover_temporaries(path: Path) -> list[Path]:
    """Temporary files ``temporary_beside`` made for ``path`` or for a backup of it (``<name>.bak-<stamp>``)
    that are still there: a process killed between writing one and renaming it leaves it behind. Only
    names of the form ``temporary_beside`` gives (``.<name>.<8 random characters>.tmp``) are listed."""
    path = Path(path)
    pattern = re.compile(rf"\.{re.escape(path.name)}(?:\.bak-[0-9A-Za-z-]+)?\.[a-z0-9_]{{8}}\.tmp")
    try:
        candidates = list(path.parent.glob(f".{glob.escape(path.name)}.*tmp"))
    except OSError:
        return []
    return sorted(p for p in candidates if pattern.fullmatch(p.name) and p.is_file() and not p.is_symlink())
