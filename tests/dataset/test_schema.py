"""The vocabulary of the data files (kreport/dataset/schema.py): consistent with itself and with the labels.

That data/README.md explains the same columns, metrics and units is checked in tests/test_shipped_data.py.
"""

from __future__ import annotations

import re

from kreport.dataset.schema import (
    BASES,
    BOUNDS,
    CANONICAL_UNIT,
    METRICS,
    MODELS,
    QUALIFIERS,
    TABLES,
    UNITS,
)

KINDS = {"money", "people", "rate"}


# --- the schema is consistent with itself -----------------------------------------------------

def test_every_file_has_distinct_columns():
    assert set(TABLES) == {"metrics.csv", "sources.csv", "platforms.csv", "events.csv"}
    for name, columns in TABLES.items():
        assert len(set(columns)) == len(columns), name
        assert all(re.fullmatch(r"[a-z_]+", c) for c in columns), name
    # The columns the loader and the validator read by name.
    assert TABLES["metrics.csv"][:9] == ("platform", "metric", "period", "value", "qualifier", "unit", "basis",
                                         "source_id", "note")
    assert "fiscal_year_end_month" in TABLES["platforms.csv"] and "date" in TABLES["events.csv"]


def test_every_kind_has_one_canonical_unit_with_factor_one():
    assert set(CANONICAL_UNIT) == KINDS
    for kind, name in CANONICAL_UNIT.items():
        assert UNITS[name].kind == kind
        assert UNITS[name].factor == 1.0


def test_every_metric_can_be_written_in_some_unit():
    assert {m.kind for m in METRICS.values()} == KINDS == {u.kind for u in UNITS.values()}
    assert all(name == metric.name for name, metric in METRICS.items())
    assert all(name == unit.name for name, unit in UNITS.items())


def test_ceilings_agree_within_a_kind():
    # One plausibility ceiling per kind, however a figure is written: RMB 50,000 bn, 2,000 million people, 100%.
    for kind in KINDS:
        in_canonical = {round(u.maximum * u.factor, 6) for u in UNITS.values() if u.kind == kind}
        assert len(in_canonical) == 1, (kind, in_canonical)
    assert {kind: UNITS[name].maximum for kind, name in CANONICAL_UNIT.items()} == {
        "money": 50_000, "people": 2_000, "rate": 1}


def test_only_money_flows_add_up_over_quarters():
    # GMV and the revenue lines (issue 12) are flows: four quarters make a year. Levels and TTM figures are not.
    assert [m.name for m in METRICS.values() if m.additive] == ["gmv", "revenue_total", "revenue_marketing", "revenue_commerce"]


def test_qualifiers_bases_and_models():
    assert QUALIFIERS[0] == ""  # an exact figure has no qualifier
    assert set(BOUNDS) == {"over", "under"} and set(BOUNDS) < set(QUALIFIERS)
    assert set(QUALIFIERS) - set(BOUNDS) == {"", "about"}
    assert set(BASES) == {"reported", "estimate"}
    assert MODELS == ("trust", "interest", "shelf", "market")


def test_every_metric_and_unit_has_its_reader_facing_label():
    from kreport.render.text import STRINGS

    missing = [f"metric.{m}" for m in METRICS if f"metric.{m}" not in STRINGS]
    missing += [f"axis.{u}" for u in CANONICAL_UNIT.values() if f"axis.{u}" not in STRINGS]
    missing += [f"model.{m}" for m in MODELS if f"model.{m}" not in STRINGS]
    missing += [f"basis.{b}" for b in BASES if f"basis.{b}" not in STRINGS]
    assert missing == []
