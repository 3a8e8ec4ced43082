"""Typed notebook parameters, checked before any kernel starts.

papermill only warns on unknown parameters and passes everything through; kreport reads
the ``parameters`` cell with papermill's inspection and refuses unknown names, wrong
types and values outside their accepted form, naming the parameter.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kreport.cache import cached
from kreport.dataset.periods import parse_quarter
from kreport.errors import ParameterError
from kreport.render.text import check_lang

__all__ = ["notebook_parameters", "check_parameters"]

_TYPES = {"str": str, "int": int, "float": float, "bool": bool}


def notebook_parameters(path: Path | str, cache_folder: Path | None = None) -> dict[str, dict]:
    """The parameters a notebook declares: ``{name: {"type", "default", "help"}}``.

    Cached by the notebook's content in ``cache_folder`` (a build's ``<out>/.cache``), so a build with
    nothing to run need not import papermill; without a folder, read from the notebook every time.
    """
    path = Path(path)
    if path.suffix != ".ipynb" or not path.is_file():
        raise ParameterError("notebook", str(path), "a Jupyter notebook file (.ipynb)")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if cache_folder is None:
        return _inspect(str(path), digest)
    return cached(_inspect, str(path), digest, cache_folder=cache_folder)


def _inspect(path: str, digest: str) -> dict[str, dict]:
    import papermill

    try:
        params = papermill.inspect_notebook(path)
    except Exception as exc:  # noqa: BLE001 - nbformat and papermill raise many kinds for a broken file
        raise ParameterError("notebook", path, f"a readable Jupyter notebook ({type(exc).__name__}: {exc})") from None
    return {
        name: {"type": spec["inferred_type_name"], "default": spec["default"], "help": spec["help"]}
        for name, spec in params.items()
    }



def check_parameters(declared: dict[str, dict], values: dict, platforms=()) -> dict:
    """Check ``values`` against a notebook's declared parameters; return them unchanged.

    Raises ParameterError for an unknown name, a value of another type than the default's,
    a quarter not of the form YYYYQn, a language other than zh/en or an unknown platform.
    """
    for name, value in values.items():
        if name not in declared:
            raise ParameterError(name, value, "a parameter the notebook declares: " + ", ".join(declared))
        expected = _TYPES.get(declared[name]["type"])
        if expected is not None and not isinstance(value, expected):
            raise ParameterError(name, value, f"of type {declared[name]['type']}")
        if name == "quarter":
            parse_quarter(value)
        elif name == "lang":
            check_lang(value)
        elif name == "platform" and platforms and value not in platforms:
            raise ParameterError(name, value, "one of " + ", ".join(sorted(platforms)))
    return values


