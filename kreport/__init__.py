"""kreport: quarterly reports on China's content e-commerce.

Layers, lowest first: ``dataset`` → ``stats`` → ``render`` → ``sections`` → ``publish`` → ``cli``;
``config``, ``errors``, ``files`` and ``cache`` are foundations every layer may use.

Importing kreport has no side effects and costs almost nothing: the public names below are
imported on first use (PEP 562), so ``import kreport.dataset.periods`` or ``kreport --help``
never load pandas' plotting stack, matplotlib, seaborn, scipy or statsmodels.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kreport.errors import DataError, KreportError, ParameterError

__all__ = ["load", "open_report", "KreportError", "DataError", "ParameterError", "__version__"]
__version__ = "0.1.0"

_LAZY = {"load": "kreport.dataset.load", "open_report": "kreport.render.report"}

if TYPE_CHECKING:
    from kreport.dataset.load import load
    from kreport.render.report import open_report


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kreport' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
