"""One snapshot of the data folder for a whole build, copied under the data lock.

``kreport extract --apply`` (the one writer of data/) holds ``<data>/.kreport-data.lock``
exclusively while it writes. A build takes the same lock only while it copies the data files into
a private folder; from then on everything it does (validation, the plan's hashes, every
notebook, the snapshot kept for next quarter's brief) reads that copy, so an ``--apply`` during
a build can neither be half-read nor change what a page shows against its provenance footer.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from kreport.errors import BuildError

__all__ = ["DATA_LOCK", "data_snapshot", "refuse_inside"]

DATA_LOCK = ".kreport-data.lock"
LOCK_WAIT = 120  # seconds to wait for an `extract --apply` to finish


def refuse_inside(folder: Path, data_dir: Path, what: str = "--out") -> None:
    """No command but `extract --apply` writes into the data folder: refuse an output folder that is it or is inside it."""
    folder, data = Path(folder).resolve(), Path(data_dir).resolve()
    if folder.is_relative_to(data):
        raise BuildError(f"{what} {folder} is inside the data folder {data}: only `kreport extract --apply` writes there; "
                         "choose another output folder")


def _remove_stale() -> None:
    """Remove the copies of builds that were killed (kill -9 leaves no chance to clean up): their pid is gone."""
    for folder in Path(tempfile.gettempdir()).glob("kreport-data-*-*"):
        try:
            pid = int(folder.name.split("-")[2])
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (ValueError, IndexError, PermissionError):
            continue


@contextlib.contextmanager
def data_snapshot(data_dir: Path) -> Iterator[Path]:
    """A private copy of the data files of ``data_dir``, taken under the data lock; removed afterwards."""
    data_dir = Path(data_dir)
    _remove_stale()
    copy = Path(tempfile.mkdtemp(prefix=f"kreport-data-{os.getpid()}-"))
    try:
        lock = FileLock(str(data_dir / DATA_LOCK))
        try:
            lock.acquire(timeout=LOCK_WAIT)
        except Timeout:
            raise BuildError(f"the data folder {data_dir} is being changed (lock {data_dir / DATA_LOCK} held "
                             f"for over {LOCK_WAIT} s by `kreport extract --apply`); run the build again") from None
        except OSError:
            lock = None  # a read-only data folder: nobody can be writing to it through kreport
        try:
            for path in sorted(data_dir.glob("*.csv")):
                if path.is_file():
                    shutil.copyfile(path, copy / path.name)
        finally:
            if lock is not None:
                lock.release()
        yield copy
    finally:
        shutil.rmtree(copy, ignore_errors=True)
