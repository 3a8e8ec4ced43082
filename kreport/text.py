"""Every reader-facing string, in English and Chinese. Numbers are filled in by code."""

from __future__ import annotations

from .errors import ParameterError

__all__ = ["t", "STRINGS"]

# key: (English, Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    "kicker": ("kreport · China content e-commerce", "kreport · 中国内容电商"),
    "meta": ("Quarter {quarter} · built {built}", "{quarter} 季度 · 生成于 {built}"),
    "figure": ("Figure {n}.", "图 {n}."),
    "table": ("Table {n}.", "表 {n}."),
    "sources": ("Sources", "来源"),
    "sources.more": (" and {n} more (see the data appendix)", " 等另 {n} 个来源（见数据附录）"),
    "callout.caveat": ("Caveat:", "注意："),
    "callout.note": ("Note:", "说明："),
    "download": ("Download the data ({name})", "下载数据（{name}）"),
    "model.trust": ("trust e-commerce", "信任电商"),
    "model.interest": ("interest e-commerce", "兴趣电商"),
    "model.shelf": ("shelf e-commerce", "货架电商"),
    "basis.reported": ("reported", "公司披露"),
    "basis.estimate": ("estimate", "估算"),
    "metric.gmv": ("E-commerce GMV", "电商GMV"),
    "metric.gmv_ttm": ("GMV, twelve months to period end", "GMV（截至期末十二个月）"),
    "metric.dau": ("Average DAU", "平均日活跃用户"),
    "metric.mau": ("Average MAU", "平均月活跃用户"),
    "metric.monthly_buyers": ("Average monthly active buyers", "平均月活跃买家"),
    "metric.annual_buyers": ("Annual active buyers", "年度活跃买家"),
    "metric.repurchase_rate": ("Repurchase rate", "复购率"),
    "unit.RMB_bn": ("RMB bn", "十亿元"),
    "unit.million": ("million", "百万"),
    "unit.fraction": ("", ""),
    "axis.RMB_bn": ("RMB bn", "十亿元人民币"),
    "axis.million": ("million people", "百万人"),
    "axis.fraction": ("share", "比例"),
    "axis.yoy": ("YoY growth", "同比增速"),
    "axis.per_user": ("RMB per user per year", "元/用户/年"),
    "axis.index": ("index, {base} = 100", "指数（{base} = 100）"),
    "axis.logpoints": ("log change × 100", "对数变化 × 100"),
    "col.platform": ("Platform", "平台"),
    "col.model": ("Model", "模式"),
    "col.metric": ("Metric", "指标"),
    "col.period": ("Period", "期间"),
    "col.value": ("Value", "数值"),
    "col.yoy": ("YoY", "同比"),
    "col.basis": ("Basis", "口径"),
    "col.source": ("Source", "来源"),
    "col.note": ("Note", "备注"),
    "col.source_id": ("Id", "编号"),
    "col.title": ("Title", "标题"),
    "col.publisher": ("Publisher", "发布方"),
    "col.published": ("Published", "发布日期"),
    "col.read_at": ("Read at", "查阅位置"),
    "col.date": ("Date", "日期"),
    "col.event": ("Event", "事件"),
    "col.change": ("Change", "变化"),
    "col.forecast": ("Forecast", "预测"),
    "col.actual": ("Actual", "实际"),
    "col.interval80": ("80% interval", "80%区间"),
    "col.error": ("Error", "误差"),
    "col.inside": ("Inside 80%?", "落在80%区间内？"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    # data appendix
    "appendix.figures": ("Every figure", "全部数据"),
    "appendix.figures.intro": (
        "{n} figures known for periods up to {quarter}, each with its source. Estimates (media or third-party) "
        "are marked; '>' marks a lower bound and '≈' an approximate figure.",
        "截至 {quarter} 的 {n} 个数据点，均附来源。媒体或第三方估算已标注；“>”表示下限，“≈”表示约数。"),
    "appendix.table": ("Figures for {platform}", "{platform} 的数据"),
    "appendix.sources": ("Sources", "来源列表"),
    "appendix.sources.caption": ("The {n} sources behind the figures and events", "数据与事件所依据的 {n} 个来源"),
    "appendix.download": ("Download", "下载"),
    "appendix.download.intro": (
        "The same figures as one CSV file (UTF-8), embedded in this page so it works offline.",
        "以上数据的 CSV 文件（UTF-8），已嵌入本页，离线也可下载。"),
}


def t(key: str, lang: str, **values) -> str:
    """The string ``key`` in ``lang`` ("en" or "zh") with ``values`` filled in."""
    if key not in STRINGS:
        raise ParameterError("key", key, "a key of kreport.text.STRINGS")
    text = STRINGS[key][0 if lang == "en" else 1]
    return text.format(**values) if values else text
