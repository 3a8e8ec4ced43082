"""What heldout19 (issue 23) showed after its blind measurement, in sentences of our own."""

from __future__ import annotations


def test_a_content_categorys_users_are_not_the_apps(figures):
    # "短剧日活用户破3亿": the short dramas' daily audience, a threshold, never the app's DAU
    text = "快手2031年第二季度业绩\n线上营销服务贡献近六成收入,短剧日活用户达3亿。\n"
    assert not {f for f in figures(text, "kuaishou") if f[0] == "dau"}


def test_broke_through_is_a_threshold(figures):
    text = "快手2031年第二季度业绩\n2031年第二季度,快手日活跃用户破4亿。\n"
    assert not {f for f in figures(text, "kuaishou") if f[0] == "dau" and f[4] == ""}
