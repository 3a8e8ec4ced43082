"""Executed notebook to a reader-clean, self-contained HTML page.

nbconvert renders the cell outputs (the ``basic`` template: markup only, no CDN scripts);
kreport drops code, the parameters cells, streams, errors and its own record outputs,
then wraps the body in one page with a table of contents and a provenance footer.
"""

from __future__ import annotations

import re
from functools import cache

from kreport.render.report import RECORD_MIME
from kreport.render.templating import Markup, render, stylesheet

__all__ = ["RECORD_MIME", "notebook_records", "notebook_to_html", "page", "running_texts", "warm"]

_HIDDEN_TAGS = {"parameters", "injected-parameters"}
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)


def notebook_records(nb) -> dict:
    """The headline figures a report recorded (see :meth:`kreport.render.report.Report.record`)."""
    records: dict = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if RECORD_MIME in data:
                records.update(data[RECORD_MIME])
    return records


def _reader_notebook(nb):
    """A copy of ``nb`` holding only what a reader should see."""
    import nbformat  # here, not above: a build with nothing to run never needs it

    clean = nbformat.from_dict(nb)
    cells = []
    for cell in clean.cells:
        # Markdown cells are notes for notebook users; the page is what kreport calls display.
        if cell.cell_type != "code" or _HIDDEN_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        if cell.cell_type == "code":
            cell.outputs = [
                o for o in cell.outputs
                if o.get("output_type") in ("display_data", "execute_result")
                and RECORD_MIME not in o.get("data", {})
            ]
            for o in cell.outputs:
                # Keep the richest form only: a text/plain repr under an HTML output is noise.
                if "text/html" in o.get("data", {}) or "image/svg+xml" in o.get("data", {}):
                    o["data"].pop("text/plain", None)
        cells.append(cell)
    clean.cells = cells
    return clean


@cache
def _exporter():
    """One exporter per process: a new one compiles its Jinja templates again (about 0.2 s a page)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic", exclude_input=True, exclude_input_prompt=True,
        exclude_output_prompt=True, exclude_raw=True,
    )


def notebook_to_html(nb) -> str:
    """The body markup of an executed notebook, without code, prompts or stray output."""
    body, _ = _exporter().from_notebook_node(_reader_notebook(nb))
    return body


def warm() -> None:
    """Import the exporter and compile its templates once, in the build, before it forks its workers."""
    import nbformat

    notebook_to_html(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")]))


_FOOTER_ZH = {"parameters": "参数", "built": "生成时间", "run time": "运行时间", "data files (sha256)": "数据文件（sha256）",
              "git commit": "代码版本（git）", "versions": "软件版本"}


def page(body: str, *, title: str, lang: str, footer: dict[str, str], nav: dict | None = None) -> str:
    """One self-contained page: a top bar (``nav``, see kreport.publish.navigation), the body, a table of
    contents and a provenance footer."""
    toc_label = "目录" if lang == "zh" else "Contents"
    headings = [(hid, Markup(text)) for hid, text in _HEADING.findall(body)]
    toc = render("toc.html.j2", label=toc_label, headings=headings)
    body = body.replace("<!--TOC-->", toc, 1) if "<!--TOC-->" in body else toc + body
    if lang == "zh":  # the labels in the reader's language; the values are names, hashes and versions
        footer = {_FOOTER_ZH.get(name, name): value for name, value in footer.items()}
    return render("report_page.html.j2", html_lang="zh-CN" if lang == "zh" else "en", title=title, css=stylesheet(),
                  body=Markup(body), footer_label="来源与构建信息" if lang == "zh" else "Provenance", footer=footer,
                  nav=nav or {}, running=running_texts(title, (nav or {}).get("quarter", ""), lang))


def running_texts(title: str, quarter: str, lang: str) -> dict[str, str]:
    """What every printed page of a report carries: the report and its quarter at the top, the source and
    "page x of y" at the bottom (CSS page margin boxes, see base.html.j2)."""
    if lang == "zh":
        return {"header": f"kreport · {title}", "quarter": quarter,
                "footer": "来源：各图表下所列的公司公告与其他来源；全部数据及来源见数据附录",
                "page_before": "第 ", "page_middle": " 页，共 ", "page_after": " 页"}
    return {"header": f"kreport · {title}", "quarter": quarter,
            "footer": "Sources: the company releases and other sources under each chart and table; every figure "
                      "with its source in the data appendix",
            "page_before": "Page ", "page_middle": " of ", "page_after": ""}
