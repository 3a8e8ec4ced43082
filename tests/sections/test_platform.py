"""The platform profile (kreport/sections/platform.py) on the synthetic dataset in tests/fixtures/data:
values filled in by code, sections that degrade honestly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kreport.render.report import open_report
from kreport.sections import platform as profile

DATA = str(Path(__file__).resolve().parents[1] / "fixtures" / "data")


def profile_of(platform="kuaishou", quarter="2025Q3", lang="en"):
    return open_report("platform", quarter, lang, platform=platform, data_dir=DATA)


@pytest.fixture
def kuaishou():
    return profile_of()


def first_table_rows(markup) -> list[list[str]]:
    table = re.search(r'<table class="data-table">.*?</table>', str(markup), re.S).group(0)
    return [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]


def test_at_a_glance_shows_latest_figures_with_yoy(kuaishou):
    rows = first_table_rows(profile.at_a_glance(kuaishou))
    assert rows[0] == ["E-commerce GMV", "2025Q3", "209 RMB bn", "+10.0%", "reported"]  # 209 / 190
    assert rows[1] == ["Average DAU", "2025Q3", "410 million", "+5.1%", "reported"]  # 410 / 390
    assert ["Annual active buyers", "2024", "&gt;200 million", "–", "reported"] in rows  # a bound: no change
    assert [r[0] for r in rows] == ["E-commerce GMV", "Average DAU", "Average MAU", "Average monthly active buyers",
                                    "Annual active buyers", "Repurchase rate"]


def test_decomposition_uses_latest_quarter_with_all_three_inputs(kuaishou):
    markup = str(profile.decomposition(kuaishou))
    # Monthly buyers stop at 2025Q2, so the latest full decomposition is 2025Q2 on 2024Q2:
    # GMV 192.5 / 175 = +10%; MAU 770 / 730 gives users +5.3; buyers 132 / 120 = +10% gives conversion
    # ln(1.1) - ln(770 / 730) = +4.2; spend per buyer is what is left of ln(1.1): 0.
    assert ("From 2024Q2 to 2025Q2 GMV changed +10.0%: users contributed +5.3, conversion +4.2 and spend per buyer "
            "+0.0 (log change × 100).") in markup
    assert "<svg" in markup


def test_estimate_only_platform_gets_caveat():
    markup = str(profile.at_a_glance(profile_of("douyin", lang="zh")))
    assert "估算" in markup
    assert "GMV数据均为媒体或第三方估算" in markup


def test_sections_without_data_say_so():
    alibaba = profile_of("alibaba")  # fiscal-year GMV only; no monthly buyers
    assert "too few" in str(profile.seasonality(alibaba))
    assert "Needs GMV, MAU and monthly buyers" in str(profile.decomposition(alibaba))
    douyin = str(profile.unit_economics(profile_of("douyin")))  # yearly GMV, quarterly DAU: no pair
    assert "The data has no pair of GMV and user figures for the same periods." in douyin and "<figure" not in douyin


def test_a_platform_with_no_figures_yet_gets_a_notice():
    markup = str(profile.at_a_glance(profile_of("alibaba", quarter="2022Q4")))
    assert "<table" not in markup
    assert "No figures for this platform up to this quarter." in markup


def test_as_of_hides_later_figures():
    markup = str(profile.data_table(profile_of(quarter="2022Q4")))
    assert "2023Q1" not in markup and "2022Q4" in markup
    assert len(first_table_rows(markup)) == 27  # 11 GMV, 8 DAU, 7 MAU and one bound end by 2022-12-31


def test_seasonality_finds_the_fourth_quarter_peak(kuaishou):
    markup = str(profile.seasonality(kuaishou))
    assert re.search(r"GMV peaks in Q4 \(\+\d+% against an average quarter\) and is weakest in Q1 \(-\d+%\)", markup)


def test_metric_history_charts_quarters_and_years(kuaishou):
    markup = str(profile.metric_history(kuaishou))
    captions = re.findall(r"</span> (.*?)</figcaption>", markup)
    assert captions[:2] == ["E-commerce GMV, by quarter, 2020Q4 to 2025Q3.", "E-commerce GMV, by year, 2021 to 2024."]
    # A bound is drawn as a bound (a triangle, listed with its qualifier), not left out or joined by a line.
    assert "Average monthly active buyers, by quarter, 2022Q4 to 2025Q2." in captions  # from the 2022Q4 bound
    assert 'data-metric="monthly_buyers"' in markup and 'data-qualifier="over"' in markup
    assert "Annual active buyers: for 2024 only a lower bound (“over”) is published" in markup


def test_figures_are_numbered_and_sourced(kuaishou):
    markup = str(profile.metric_history(kuaishou))
    assert 'id="fig1"' in markup and "Figure 1." in markup
    assert markup.count('class="source-line"') == markup.count("<figure")


def test_events_are_listed_with_their_sources(kuaishou):
    markup = str(profile.events(kuaishou))
    assert re.findall(r"<b>(.*?)</b><br>", markup) == ["Synthetic event: trust campaign", "Synthetic event: shelf launch"]
    assert 'href="https://example.org/kreport-tests/events"' in markup


def test_headlines_are_the_newest_gmv_and_dau(kuaishou):
    record = profile.headlines(kuaishou).data
    assert record["headlines"] == [{"label": "E-commerce GMV 2025Q3", "value": "209 RMB bn (+10.0%)"},
                                   {"label": "Average DAU 2025Q3", "value": "410 million (+5.1%)"}]
