"""The platform profile on the shipped data: values filled in by code, sections that degrade honestly."""

import pytest

from kreport.render.report import open_report
from kreport.sections import platform as profile


@pytest.fixture
def kuaishou():
    return open_report("platform", "2025Q3", "en", platform="kuaishou")


def test_at_a_glance_shows_latest_gmv_with_yoy(kuaishou):
    markup = str(profile.at_a_glance(kuaishou))
    # 2025Q3 GMV 385.0 against 2024Q3 334.2: +15.2%
    assert "385 RMB bn" in markup and "+15.2%" in markup


def test_decomposition_uses_latest_quarter_with_all_three_inputs(kuaishou):
    markup = str(profile.decomposition(kuaishou))
    # monthly buyers exist for 2024Q2 and 2025Q2, so the latest full decomposition is 2025Q2 on 2024Q2
    assert "2025Q2" in markup and "2024Q2" in markup
    assert "<svg" in markup


def test_estimate_only_platform_gets_caveat():
    rep = open_report("platform", "2025Q3", "zh", platform="douyin")
    markup = str(profile.at_a_glance(rep))
    assert "估算" in markup
    assert "GMV数据均为媒体或第三方估算" in markup


def test_sections_without_data_say_so():
    rep = open_report("platform", "2025Q3", "en", platform="jd")
    assert "too few" in str(profile.seasonality(rep))
    assert "Needs GMV, MAU and monthly buyers" in str(profile.decomposition(rep))


def test_as_of_hides_later_figures():
    rep = open_report("platform", "2022Q4", "en", platform="kuaishou")
    markup = str(profile.data_table(rep))
    assert "2023Q1" not in markup and "2022Q4" in markup


def test_figures_are_numbered_and_sourced(kuaishou):
    markup = str(profile.metric_history(kuaishou))
    assert 'id="fig1"' in markup and "Figure 1." in markup
    assert markup.count('class="source-line"') == markup.count("<figure")
