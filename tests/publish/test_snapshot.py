"""One snapshot of the data for a whole build, under the data lock (kreport/publish/snapshot.py; issue 24, item 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from filelock import FileLock

from kreport.errors import BuildError
from kreport.publish import snapshot
from kreport.publish.snapshot import DATA_LOCK, data_snapshot, refuse_inside

DATA = Path(__file__).resolve().parent.parent / "fixtures" / "data"


def test_the_build_reads_its_copy_whatever_apply_does_meanwhile(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    original = (data / "metrics.csv").read_bytes()
    with data_snapshot(data) as copy:
        with open(data / "metrics.csv", "a", encoding="utf-8") as handle:  # an --apply during the build
            handle.write("kuaishou,gmv,2025Q4,2300,,RMB_100m,reported,t-ks-2025,added during the build,\n")
        assert (copy / "metrics.csv").read_bytes() == original
        assert sorted(p.name for p in copy.iterdir()) == sorted(p.name for p in data.glob("*.csv"))
    assert not copy.exists()  # removed after the build


def test_the_copy_waits_for_the_data_lock_and_names_it(tmp_path, monkeypatch):
    """`extract --apply` holds <data>/.kreport-data.lock exclusively while it writes: no build copies half of it."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.setattr(snapshot, "LOCK_WAIT", 0.2)
    with FileLock(str(data / DATA_LOCK)):
        with pytest.raises(BuildError, match="being changed") as info:
            with data_snapshot(data):
                pass
    assert DATA_LOCK in str(info.value)


def test_a_read_only_data_folder_is_read_without_a_lock(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    data.chmod(0o555)
    try:
        with data_snapshot(data) as copy:
            assert (copy / "metrics.csv").read_bytes() == (data / "metrics.csv").read_bytes()
    finally:
        data.chmod(0o755)


@pytest.mark.parametrize("inside", [".", "reports", "a/b"])
def test_an_output_folder_in_the_data_folder_is_refused(tmp_path, inside):
    with pytest.raises(BuildError, match="inside the data folder"):
        refuse_inside(tmp_path / "data" / inside, tmp_path / "data")
    refuse_inside(tmp_path / "reports", tmp_path / "data")  # beside it is fine


def test_the_copy_of_a_killed_build_is_removed_by_the_next(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess_pid_that_has_exited()
    stale = tmp_path / f"kreport-data-{dead}-abc"
    stale.mkdir()
    alive = tmp_path / "kreport-data-1-abc"  # pid 1 is alive: left alone
    alive.mkdir()
    with data_snapshot(DATA) as copy:
        assert copy.parent == tmp_path
    assert not stale.exists() and alive.exists()


def subprocess_pid_that_has_exited() -> int:
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid
