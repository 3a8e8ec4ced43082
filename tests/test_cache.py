"""The on-disk cache of expensive results (kreport/cache.py): keyed by function, arguments and code."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pandas as pd
import pytest

from kreport import cache
from kreport.cache import cached

CALLS: list[tuple] = []


def square(x, offset=0, scale=1):
    CALLS.append((x, offset, scale))
    return (x * x + offset) * scale


def cube(x):
    CALLS.append(("cube", x))
    return x ** 3


def total(series: pd.Series) -> float:
    CALLS.append(("total", len(series)))
    return float(series.sum())


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    CALLS.clear()
    folder = tmp_path / "cache"
    cache.use(folder)
    yield folder
    cache.use(None)


def test_the_same_call_is_computed_once(cache_dir):
    assert cached(square, 3) == 9
    assert cached(square, 3) == 9
    assert CALLS == [(3, 0, 1)]
    entries = list(cache_dir.iterdir())
    assert len(entries) == 1 and entries[0].suffix == ".json"
    record = json.loads(entries[0].read_text())  # data, not a pickle
    assert json.loads(record["value"]) == 9 and record["key"] == entries[0].stem


def test_keyword_order_does_not_matter_but_values_do(cache_dir):
    assert cached(square, 2, offset=1, scale=3) == 15
    assert cached(square, 2, scale=3, offset=1) == 15
    assert CALLS == [(2, 1, 3)]
    assert cached(square, 2, offset=1, scale=4) == 20
    assert cached(square, 2) == 4
    assert len(CALLS) == 3 and len(list(cache_dir.iterdir())) == 3


def test_another_function_with_the_same_arguments_has_its_own_entry():
    assert cached(square, 2) == 4
    assert cached(cube, 2) == 8
    assert CALLS == [(2, 0, 1), ("cube", 2)]


def test_frames_as_arguments_are_keyed_by_their_values():
    series = pd.Series([1.0, 2.0, 3.0], index=pd.period_range("2024Q1", periods=3, freq="Q"))
    assert cached(total, series) == 6.0
    assert cached(total, series.copy()) == 6.0
    assert cached(total, series * 2) == 12.0
    assert CALLS == [("total", 3), ("total", 3)]


def test_a_change_of_kreport_code_is_a_new_key(monkeypatch):
    assert cached(square, 5) == 25
    monkeypatch.setattr(cache, "_code_and_versions", lambda: "another version of the code")
    assert cached(square, 5) == 25
    assert CALLS == [(5, 0, 1), (5, 0, 1)]


def test_the_code_hash_follows_the_python_files_of_the_package(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "a.py").write_text("A = 1\n", encoding="utf-8")
    (package / "sub" / "b.py").write_text("B = 2\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_CODE", package)

    def code_hash():
        cache._code_and_versions.cache_clear()
        return cache._code_and_versions()

    first = code_hash()
    assert len(first) == 64 and code_hash() == first
    (package / "notes.txt").write_text("not code", encoding="utf-8")
    assert code_hash() == first
    (package / "sub" / "b.py").write_text("B = 3\n", encoding="utf-8")  # a module in a sub-package
    assert code_hash() != first
    cache._code_and_versions.cache_clear()


def test_a_new_statsmodels_is_a_new_key(monkeypatch):
    cache._code_and_versions.cache_clear()
    first = cache._code_and_versions()
    monkeypatch.setattr(cache, "version", lambda name: "99.0" if name == "statsmodels" else "1.0")
    cache._code_and_versions.cache_clear()
    assert cache._code_and_versions() != first
    cache._code_and_versions.cache_clear()


def test_a_planted_pickle_never_runs(cache_dir, tmp_path):
    """Issue 10: the cache was pickle, loaded without checks; a planted file ran code."""
    cached(square, 6)
    (entry,) = cache_dir.iterdir()
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    entry.write_bytes(pickle.dumps(Exploit()))
    assert cached(square, 6) == 36
    assert not marker.exists()


@pytest.mark.parametrize("damage", [
    lambda data: b"not json at all",
    lambda data: data[: len(data) // 2],  # a file cut short
    lambda data: b"",
])
def test_a_damaged_entry_is_computed_again_and_replaced(cache_dir, damage):
    cached(square, 7)
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(damage(json.dumps(list(range(50))).encode()))
    assert cached(square, 7) == 49
    assert len(CALLS) == 2
    assert json.loads(json.loads(entry.read_text())["value"]) == 49


def test_no_temporary_file_is_left_behind(cache_dir):
    for x in range(5):
        cached(square, x)
    names = [p.name for p in cache_dir.iterdir()]
    assert len(names) == 5 and all(n.endswith(".json") and not n.startswith(".") for n in names)


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache.use(blocker / "cache")
    assert cached(square, 4) == 16
    assert cached(square, 4) == 16
    assert CALLS == [(4, 0, 1), (4, 0, 1)]  # computed each time, never an error


def test_the_folder_handed_over_beats_the_users_default(tmp_path):
    """Issue 18: the build reached kernels through $KREPORT_CACHE_DIR; now it hands the folder over (cache.use,
    the notebooks' forecast_store), and the variable is only a user's default."""
    env = {**os.environ, "KREPORT_CACHE_DIR": str(tmp_path / "elsewhere")}
    chosen = str(tmp_path / "chosen")
    code = f"from kreport import cache; print(cache.cache_dir()); cache.use({chosen!r}); print(cache.cache_dir())"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    default, chosen = result.stdout.split()
    assert default == str(tmp_path / "elsewhere") and chosen == str(tmp_path / "chosen")


# --- integrity (issue 24, item 7) ------------------------------------------------------------

def test_an_entry_under_another_key_is_not_used(cache_dir):
    cached(square, 2)
    cached(square, 3)
    two, three = (cache_dir / f"{cache._key(square, (x,), {})}.json" for x in (2, 3))
    three.write_bytes(two.read_bytes())  # an entry copied under another name
    assert cached(square, 3) == 9 and len(CALLS) == 3


def test_an_edited_value_is_not_used(cache_dir):
    cached(square, 5)
    (entry,) = cache_dir.iterdir()
    record = json.loads(entry.read_text())
    record["value"] = "250"  # without its hash
    entry.write_text(json.dumps(record))
    assert cached(square, 5) == 25 and len(CALLS) == 2


def test_a_cached_value_failing_its_check_is_computed_again(cache_dir):
    cache.check_with(cube, lambda result, x: result < 1000)
    try:
        cached(cube, 4)
        (entry,) = cache_dir.iterdir()
        record = json.loads(entry.read_text())
        record["value"] = "6400"  # ×100, with a matching hash: only the plausibility check catches it
        record["sha256"] = cache._value_hash(record["value"])
        entry.write_text(json.dumps(record))
        assert cached(cube, 4) == 64 and len(CALLS) == 2
    finally:
        cache._CHECKS.clear()


def test_clear_deletes_only_kreports_entries(cache_dir):
    """Issue 24, item 18: `build --cold` deleted every *.json of the cache folder, a user's settings.json too."""
    cached(square, 1)
    (cache_dir / "settings.json").write_text("{}")
    (cache_dir / "notes.txt").write_text("mine")
    assert cache.clear(cache_dir) == 1
    assert sorted(p.name for p in cache_dir.iterdir()) == ["notes.txt", "settings.json"]


def test_a_series_that_has_been_used_still_finds_its_entry():
    """The key was a pickle of the arguments, and a pandas index pickles its lazily filled caches:
    the same series, once looked into, missed the cache and the backtest ran again."""
    series = pd.Series([1.0, 2.0, float("nan"), 4.0], index=pd.period_range("2024Q1", periods=4, freq="Q"),
                       name="kuaishou.gmv")
    assert cached(total, series) == 7.0
    series.index.get_loc(series.index[-1])
    _ = series.index.is_monotonic_increasing, series.index.inferred_type
    assert cached(total, series) == 7.0
    assert CALLS == [("total", 4)]
    # Another value, another name or other periods are other entries.
    cached(total, series.rename("kuaishou.dau"))
    cached(total, series.set_axis(pd.period_range("2023Q1", periods=4, freq="Q")))
    cached(total, series.fillna(3.0))
    assert len(CALLS) == 4
