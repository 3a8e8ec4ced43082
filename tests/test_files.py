"""The one atomic write: a temporary file beside the target, renamed into place."""

import pytest


def test_atomic_write_never_follows_a_planted_symlink(tmp_path):
    """The old temporary name was predictable (.page.html.tmp); a link planted there must not be written through."""
    from kreport.files import atomic_write

    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    target = tmp_path / "site" / "page.html"
    target.parent.mkdir()
    for name in (".page.html.tmp", ".page.html.1.tmp"):
        (target.parent / name).symlink_to(victim)
    atomic_write(target, "<p>new</p>")
    assert victim.read_text() == "precious\n"
    assert target.read_text() == "<p>new</p>" and not target.is_symlink()
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_atomic_write_leaves_nothing_behind_when_it_fails(tmp_path, monkeypatch):
    import os

    from kreport import files

    target = tmp_path / "page.html"
    target.write_text("old")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        files.atomic_write(target, "new")
    assert target.read_text() == "old"  # the published page is intact
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]  # and no temporary file is left
