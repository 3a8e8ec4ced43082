"""PDF copies of the published pages, printed by headless Chromium with the pages' own print stylesheet (A4):
bookmarks from the headings, a running header and footer with page x of y (set by the page, see base.html.j2)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kreport.files import temporary_beside

__all__ = ["INSTALL_HINT", "find_chromium", "print_pdf"]

INSTALL_HINT = "install Chromium to get PDFs (`make system-deps`, or `apt-get install chromium`); the HTML was built anyway"


def find_chromium() -> str | None:
    """The Chromium to print with: $KREPORT_CHROMIUM, else chromium on the PATH."""
    return os.environ.get("KREPORT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(page: Path, chromium: str, timeout: int = 120) -> Path:
    """Print ``page`` to a PDF beside it (same name, .pdf), written under a temporary name and renamed."""
    page = Path(page).resolve()
    target = page.with_suffix(".pdf")
    with temporary_beside(target) as tmp, tempfile.TemporaryDirectory(prefix="kreport-chromium-") as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             # Chromium's own header and footer (date, file URL) off: the page prints its own running header
             # and footer, with page x of y (CSS page margin boxes); bookmarks from the headings.
             "--no-pdf-header-footer", "--generate-pdf-document-outline",
             f"--user-data-dir={profile}", f"--print-to-pdf={tmp}", page.as_uri()],
            check=True, capture_output=True, timeout=timeout)
        if tmp.stat().st_size == 0:
            raise OSError(f"Chromium wrote an empty PDF for {page.name}")
    return target
