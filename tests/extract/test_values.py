"""Figures as published (kreport/extract/values.py): agreement at the coarser precision, stated growth."""

from __future__ import annotations

from kreport.extract.values import agrees, decimals, plain, within_growth


def test_digits_as_written():
    assert plain("2,225") == "2225" and plain("6.400") == "6.400"
    assert decimals("6.400") == 3 and decimals("2,225") == 0


def test_figures_agree_at_the_coarser_precision_of_the_two():
    assert agrees("294", "RMB_100m", "29408", "RMB_mn")  # 29408 RMB mn is 294.08 hundred million
    assert agrees("4.08", "100m", "4.080", "100m")
    assert agrees("31.0", "RMB_bn", "310", "RMB_100m")
    assert not agrees("4.162", "100m", "4.1", "100m")  # 416.2 million is not 410 million to within 5
    assert not agrees("416.2", "million", "4.1", "100m")
    assert not agrees("2.1", "100m", "2.1", "RMB_100m")  # people are not money


def test_the_stated_change_must_fit_the_two_figures():
    assert within_growth("290.2", "RMB_bn", "222.5", "RMB_bn", "30.4", 1)
    assert within_growth("283", "RMB_100m", "244", "RMB_100m", "15.8", 1)  # 15.98%: within the rounding of 283 and 244
    assert within_growth("719.9", "million", "481.5", "million", "50", 1)
    assert not within_growth("290", "RMB_bn", "2225", "RMB_100m", "30.4", -1)  # a decrease was stated
    assert not within_growth("2.2", "RMB_bn", "222.5", "RMB_bn", "30.4", 1)  # a misread figure
