"""Checks of the shipped data in data/ itself: it validates, every reference resolves, data/README.md agrees.

These are the only unit tests that read data/ (besides the end-to-end and browser tests): an analyst's
edit of data/ may fail them, and then the message says what to fix in the data or in data/README.md.
Tests of behaviour read the synthetic dataset in tests/fixtures/data instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import re

import pytest
from markupsafe import escape

from kreport.config import PROJECT_ROOT
from kreport.dataset.load import load
from kreport.dataset.schema import METRICS, MODELS, TABLES, UNITS
from kreport.dataset.validate import check
from kreport.errors import DataError

SHIPPED_DATA_DIR = PROJECT_ROOT / "data"
README = (SHIPPED_DATA_DIR / "README.md").read_text(encoding="utf-8")


def digests(data_dir) -> dict[str, str]:
    return {name: hashlib.sha256((data_dir / name).read_bytes()).hexdigest() for name in TABLES if (data_dir / name).exists()}


def readme_section(title: str) -> str:
    """The text under ``## title`` (or ``### title``) up to the next heading of any level."""
    match = re.search(rf"^#{{2,3}} {re.escape(title)}\n(.*?)(?=^#{{2,3}} |\Z)", README, re.S | re.M)
    assert match, f"data/README.md has no section {title!r}"
    return match.group(1)


def table_rows(text: str) -> list[list[str]]:
    """The body rows of the first markdown table in ``text``, cells stripped, code marks removed."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("`") for cell in line.strip("|").split("|")])
    return rows


@pytest.fixture(scope="module")
def shipped():
    return load(SHIPPED_DATA_DIR)


def test_shipped_data_validates_without_errors_or_warnings(shipped_data_dir):
    report = check(shipped_data_dir)
    assert report.errors == [], "\n".join(map(str, report.errors))
    assert report.warnings == [], "\n".join(map(str, report.warnings))
    assert report.ok
    assert len(report.tables["metrics.csv"]) > 100
    assert "0 errors, 0 warnings" in report.summary()


def test_validating_and_loading_never_modify_the_shipped_files(shipped_data_dir):
    before = digests(shipped_data_dir)
    check(shipped_data_dir)
    with contextlib.suppress(DataError):  # an invalid folder is the test above's business; here only writes count
        load(shipped_data_dir)
    assert digests(shipped_data_dir) == before


def test_every_metric_source_resolves(shipped):
    metrics, sources = shipped.metrics, shipped.sources
    assert set(metrics["source_id"]) <= set(sources["source_id"])
    assert metrics["source_title"].notna().all() and (metrics["source_title"] != "").all()
    assert sources["source_id"].is_unique


def test_no_reported_figure_rests_on_aggregators_alone(shipped):
    """Issue 11: an aggregator-only reported figure is allowed with a reason, but the shipped data has none."""
    tiers = dict(zip(shipped.sources["source_id"], shipped.sources["tier"]))
    alone = [f"{r.platform} {r.metric} {r.period}" for r in shipped.metrics.itertuples()
             if r.basis == "reported" and all(tiers[s] == "aggregator" for s in (r.source_id, *r.corroborated_by))]
    assert alone == []


def test_every_platform_has_a_business_model(shipped):
    assert set(shipped.platforms["model"]) <= set(MODELS)
    assert shipped.metrics["model"].isin(MODELS).all()
    assert set(shipped.metrics["platform"]) <= set(shipped.platforms["platform"]) | set(shipped.markets["platform"])
    assert dict(zip(shipped.platforms["platform"], shipped.platforms["model"])) == {
        "kuaishou": "trust", "douyin": "interest", "alibaba": "shelf", "jd": "shelf", "pdd": "shelf"}
    assert dict(zip(shipped.markets["platform"], shipped.markets["model"])) == {"china": "market"}


def test_every_event_source_and_platform_resolves(shipped):
    events = shipped.events
    assert len(events) > 0
    assert set(events["source_id"]) <= set(shipped.sources["source_id"])
    assert set(events["platform"]) <= set(shipped.platforms["platform"])


def test_every_row_keeps_its_line_in_metrics_csv(shipped):
    lines = shipped.metrics["line"]
    assert lines.is_unique and lines.min() == 2
    assert lines.max() == len(shipped.metrics) + 1  # no blank or multi-line rows in the shipped file


def test_the_seed_articles_the_comparison_cites_are_sources(shipped):
    # kreport/sections/comparison.py cites four seed articles by id under its contrast table.
    from kreport.render.report import open_report
    from kreport.sections import comparison

    rep = open_report("comparison", str(shipped.latest_quarter()), "zh", data_dir=str(SHIPPED_DATA_DIR))
    markup = str(comparison.contrast(rep))
    assert "信任电商" in markup
    sources = shipped.sources.set_index("source_id")
    for seed in ("seed000", "seed002", "seed003", "seed004"):
        assert seed in sources.index, f"{seed} is cited by the comparison but missing from sources.csv"
        assert str(escape(sources.loc[seed, "publisher"])) in markup, seed


def test_the_readme_counts_match_the_data(shipped):
    """data/README.md says how many figures, platforms, metrics, sources and events the shipped data has."""
    readme = (SHIPPED_DATA_DIR / "README.md").read_text(encoding="utf-8")
    sentence = (r"The shipped data has (\d+) figures for (\d+) platforms and the national market \((\d+) of the figures\) "
                r"in (\d+) metrics, from (\d+) sources\. It also has (\d+) events: ([^.]+)\.")
    stated = re.search(sentence.replace(" ", r"\s+"), readme)
    assert stated, "data/README.md no longer states the counts in its Coverage section"
    metrics, events = shipped.metrics, shipped.events
    used_sources = set(metrics["source_id"]) | set(events["source_id"])
    market = metrics["platform"].isin(shipped.markets.index)
    assert tuple(int(n) for n in stated.groups()[:6]) == (
        len(metrics), metrics.loc[~market, "platform"].nunique(), int(market.sum()), metrics["metric"].nunique(),
        len(used_sources), len(events)
    ), "update the counts in data/README.md (Coverage)"
    per_platform = {name.lower(): int(n) for name, n in re.findall(r"(\w+) (\d+)", stated.group(7))}
    names = dict(zip(shipped.platforms["name_en"].str.lower(), shipped.platforms["platform"]))
    assert {names.get(name, name): n for name, n in per_platform.items()} == events["platform"].value_counts().to_dict()


# --- data/README.md explains the schema of kreport/dataset/schema.py (the code wins; these find the disagreement) ---

@pytest.mark.parametrize("name", list(TABLES))
def test_readme_lists_each_files_columns(name):
    documented = []
    for row in table_rows(readme_section(name)):
        documented += [c.strip().strip("`") for c in row[0].split(",")]  # "`name_en`, `name_zh`" is two columns
    assert documented == list(TABLES[name])


def test_readme_metric_vocabulary_matches_the_schema():
    rows = table_rows(readme_section("Metric vocabulary"))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (m.name, m.kind, "yes" if m.additive else "no") for m in METRICS.values()]


def test_readme_units_match_the_schema():
    rows = table_rows(readme_section("Units"))
    documented = {r[0]: (r[1], float(r[3]), float(r[4].replace(",", ""))) for r in rows}
    assert documented == {u.name: (u.kind, u.factor, u.maximum) for u in UNITS.values()}
