"""Reading figures from saved results releases (``kreport extract``): text, HTML or PDF in, rows for
metrics.csv out, appended to data/ only on request and only after the dataset's own checks.

Sits beside the dataset layer: it imports kreport.dataset (the vocabulary, validation) and the
foundations, nothing from stats, render, sections or build (checked by the import contracts).

reading      the text of a saved file (text, HTML, PDF)
cleaning     one matchable form of a sentence (split numbers, glued words, pinyin, script)
sentences    a text cut into quotable sentences and headings
periods      the periods a release's words name
release      what a release covers: platform, headline quarter, language, blocks
rules/       the wordings of each company's releases, one module per company
figures      the figures the rules read, placed in their periods and checked
values       figures as published: precision, agreement, stated growth
rows         rows for metrics.csv with their status against the dataset
sources      the sources.csv row of a release file
apply        appending new rows to data/ after validation, with backups
extraction   extract(): the command's one entry point
"""

from kreport.extract.extraction import Extraction, extract

__all__ = ["Extraction", "extract"]
