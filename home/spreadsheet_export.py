"""CSV exports whose cells a spreadsheet shows as text, never runs as formulas.

Page titles, user names and log messages are written by editors, and an
organisation editor is not trusted with a campaign editor's computer: a title
such as `=HYPERLINK("https://…?"&A2, "open")` exported raw into the site
history CSV becomes a live formula when the campaign editor opens the file in
Excel or LibreOffice. Wagtail leaves that to the spreadsheet (its security
policy says CSV is data); this site neutralises it on export instead, as
OWASP's CSV-injection advice describes: a text cell that starts with `=`,
`+`, `-`, `@`, a tab or a carriage return (or their full-width forms) gets a
leading apostrophe, which spreadsheets read as "this is text" and do not show.
Numbers and dates stay as they are.

- Every Wagtail export built on `SpreadsheetExportMixin` (site history, page
  types, locked pages, aging pages, workflow reports, form submissions,
  snippet listings) passes its CSV cells through `neutralise_formula`: the
  mixin is bridged here, once, from `home/wagtail_hooks.py`. Its XLSX export
  already types such cells as text (openpyxl would otherwise store a formula).
- A CSV the project writes itself goes through `csv_writer()` or
  `csv_dict_writer()`, never `csv.writer` directly.
"""

import csv
from decimal import Decimal

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_formula(value):
    """`value`, with a leading apostrophe if it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class _NeutralisingWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([neutralise_formula(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    @property
    def dialect(self):
        return self._writer.dialect


class _NeutralisingDictWriter(csv.DictWriter):
    def _dict_to_list(self, rowdict):
        return [neutralise_formula(value) for value in super()._dict_to_list(rowdict)]


def csv_writer(file, *args, **kwargs):
    """`csv.writer(file, …)` whose rows are neutralised."""
    return _NeutralisingWriter(csv.writer(file, *args, **kwargs))


def csv_dict_writer(file, fieldnames, *args, **kwargs):
    """`csv.DictWriter(file, fieldnames, …)` whose rows (header included) are neutralised."""
    return _NeutralisingDictWriter(file, fieldnames, *args, **kwargs)


def neutralise_wagtail_csv_exports():
    """Make `SpreadsheetExportMixin` neutralise every CSV cell it writes (idempotent)."""
    original = SpreadsheetExportMixin.write_csv_row
    if getattr(original, "neutralises_formulas", False):
        return

    def write_csv_row(self, writer, row_dict):
        return original(self, _CellNeutralisingWriter(writer), row_dict)

    write_csv_row.neutralises_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row


class _CellNeutralisingWriter:
    """Stands in for the DictWriter the mixin writes its (already preprocessed) row to."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow({field: _csv_cell(value) for field, value in row.items()})


def _csv_cell(value):
    # The csv module writes anything else with str(): neutralise that text.
    if value is None or isinstance(value, int | float | Decimal):
        return value
    return neutralise_formula(str(value))
