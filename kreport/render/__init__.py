"""The rendering layer: reader strings in two languages, number formatting, charts, tables,
the report builder that notebooks call, and the page templates. Draws what statistics computed; never fits."""
