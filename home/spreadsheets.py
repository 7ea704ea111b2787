"""CSV cells that open safely in spreadsheets, shared by every export of the site."""

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """Text for one CSV cell: empty for None, true/false for booleans, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class SpreadsheetWriter:
    """csv.writer whose every cell goes through spreadsheet_cell: an export written with it
    cannot forget a column."""

    def __init__(self, stream, **options):
        import csv

        self._writer = csv.writer(stream, **options)

    def writerow(self, row):
        return self._writer.writerow([spreadsheet_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class GuardedExportMixin:
    """For Wagtail admin index views with `list_export`: every exported CSV cell goes through
    spreadsheet_cell (Wagtail's XLSX export already stores formulas as text)."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
