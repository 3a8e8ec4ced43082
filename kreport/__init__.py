"""kreport: quarterly reports on China's content e-commerce.

Layers, lowest first: ``dataset`` → ``stats`` → ``render`` → ``sections`` → ``build`` → ``cli``;
``config``, ``errors`` and ``cache`` are foundations every layer may use.
"""

from kreport.dataset.load import load
from kreport.errors import DataError, KreportError, ParameterError
from kreport.render.report import open_report

__all__ = ["load", "open_report", "KreportError", "DataError", "ParameterError", "__version__"]
__version__ = "0.1.0"
