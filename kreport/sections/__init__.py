"""The report sections: one module per notebook in notebooks/, named exactly like it.

Each function takes the notebook's :class:`~kreport.render.report.Report` and returns one block of the page.
"""

from kreport.sections import brief, comparison, data, platform, trends

__all__ = ["brief", "comparison", "data", "platform", "trends"]
