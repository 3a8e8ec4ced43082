"""Train the learned reader on every hand-checked page and write kreport/extract/model/reader.npz.

Run it after adding or changing a page under tests/fixtures/releases/ (tests/extract/test_learned.py fails while the shipped
model was trained on other pages than those):

    .venv/bin/python scripts/train_reader.py
"""

from __future__ import annotations

import sys

from kreport.config import PROJECT_ROOT
from kreport.extract.learned import MODEL, Reader, corpus_digest, training_pages

RELEASES = PROJECT_ROOT / "tests" / "fixtures" / "releases"


def main() -> int:
    pages = training_pages(RELEASES)
    reader = Reader.train(pages, digest=corpus_digest(RELEASES))
    reader.save(MODEL)
    print(f"trained on {len(pages)} pages ({sum(len(p.rows) for p in pages)} rows), {len(reader.classes)} classes, "
          f"{len(reader.columns)} columns; wrote {MODEL.relative_to(PROJECT_ROOT)} ({MODEL.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
