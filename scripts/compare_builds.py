"""Compare two built report folders page by page, apart from what changes with every build.

Usage: python scripts/compare_builds.py OLD_DIR NEW_DIR [QUARTER]

Drops the provenance footer, the build date and what matplotlib varies in every SVG (its
time stamp and random clip-path ids), and writes escaped quotes one way
(html.escape writes &#x27; and &quot;, Jinja's autoescape &#39; and &#34;: the same
characters to a reader). Prints each page that still differs, with a short diff.
"""

from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path

_FOOTER = re.compile(r'<footer class="provenance">.*?</footer>', re.S)
_BUILT = re.compile(r"(built|生成于) \d{4}-\d{2}-\d{2}")
# matplotlib stamps each SVG with its time and random clip-path ids.
_SVG_DATE = re.compile(r"<dc:date>[^<]*</dc:date>")
_SVG_ID = re.compile(r"\b[pmh][0-9a-f]{10}\b")
_ENTITIES = {"&#x27;": "&#39;", "&quot;": "&#34;"}


def normalise(text: str) -> str:
    text = _BUILT.sub(r"\1 DATE", _FOOTER.sub("<footer/>", text))
    text = _SVG_ID.sub("pID", _SVG_DATE.sub("<dc:date/>", text))
    for old, new in _ENTITIES.items():
        text = text.replace(old, new)
    return text


def main(old: str, new: str, quarter: str = "2025Q3") -> int:
    old_dir, new_dir = Path(old) / quarter, Path(new) / quarter
    pages = sorted(p.name for p in old_dir.glob("*.html") if p.name != "index.html")
    differ = 0
    for name in pages:
        a = normalise((old_dir / name).read_text(encoding="utf-8"))
        b = normalise((new_dir / name).read_text(encoding="utf-8"))
        if a != b:
            differ += 1
            print(f"DIFFERS {name}")
            a_lines, b_lines = a.replace("><", ">\n<").splitlines(), b.replace("><", ">\n<").splitlines()
            for line in list(difflib.unified_diff(a_lines, b_lines, lineterm="", n=0))[:12]:
                print("   ", line[:200])
    print(f"{len(pages) - differ} of {len(pages)} pages identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
