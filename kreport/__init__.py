"""kreport: quarterly reports on China's content e-commerce."""

from .data import load
from .errors import DataError, KreportError, ParameterError

__all__ = ["load", "KreportError", "DataError", "ParameterError", "__version__"]
__version__ = "0.1.0"
