import pytest

from home.spreadsheets import spreadsheet_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+212 5 24", "'+212 5 24"),
        ("-10", "'-10"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("برنامج الانفتاح", "برنامج الانفتاح"),
        (None, ""),
        (True, "true"),
        (42, "42"),
    ],
)
def test_cells_that_spreadsheets_would_run_are_neutralised(value, expected):
    assert spreadsheet_cell(value) == expected
