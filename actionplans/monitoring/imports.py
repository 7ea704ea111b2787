"""Bulk import of official progress from a CSV file with the open-data columns
(`commitment_key`, optional `milestone_key`, `status`, `percent`, `reported_on`, optional
`narrative`; other columns such as the reports export's are ignored).

Written here rather than with django-import-export: that library maps one CSV row to one model
row and updates in place, while an import here must go through `post_report` (permissions,
positions, the truth on every language version, append-only), refuse the whole file on any
error and name each error by row and column; its row/diff machinery would have been bypassed.

All rows or none: every row is checked first and every problem reported (row number as a
spreadsheet shows it, column name, message in the editor's language); nothing is written unless
the whole file is valid, and then all rows are posted in one transaction."""

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from actionplans.models import CommitmentPage, Milestone
from home.languages import joined

from .models.reports import NARRATIVE_MAX_LENGTH, Kind
from .rules import can
from .scales import OfficialStatus
from .services import post_report

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
REQUIRED = ("commitment_key", "status", "percent", "reported_on")
FORMULA_PREFIXES = ("=", "+", "-", "@")


@dataclass
class ImportRow:
    number: int
    commitment: CommitmentPage
    milestone: Milestone | None
    status: str
    percent: int
    reported_on: date
    narrative: str


@dataclass
class ImportError_:
    row: int
    column: str
    message: str


def _text(raw: bytes) -> str:
    if not raw:
        raise ValidationError(_("The file is empty."))
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("The file is too large (at most 2 MB)."))
    try:
        return raw.decode("utf-8-sig")  # with or without a byte-order mark
    except UnicodeDecodeError:
        raise ValidationError(_("The file is not UTF-8 text: save it as “CSV UTF-8”.")) from None


def _unquote(value: str) -> str:
    """Our exports put an apostrophe before cells a spreadsheet would run as formulas."""
    if value.startswith("'") and value[1:2] in FORMULA_PREFIXES:
        return value[1:]
    return value


def parse(plan, raw: bytes) -> tuple[list[ImportRow], list[ImportError_]]:
    """Check every row; returns the rows to post and every error found."""
    text = _text(raw)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if not header:
        raise ValidationError(_("The file is empty."))
    if missing:
        raise ValidationError(_("Missing columns: %(columns)s.") % {"columns": joined(missing)})
    reader.fieldnames = header
    records = list(reader)
    if not records:
        raise ValidationError(_("The file has a header but no rows."))
    if len(records) > MAX_ROWS:
        raise ValidationError(_("At most %(limit)s rows at a time.") % {"limit": MAX_ROWS})
    commitments = {
        str(c.translation_key): c
        for c in CommitmentPage.objects.child_of(plan).prefetch_related("milestones")
    }
    today = timezone.localdate()
    rows, errors = [], []
    for number, record in enumerate(records, start=2):  # row 1 is the header
        problems = []

        def fail(column: str, message: str, problems=problems, number=number) -> None:
            problems.append(ImportError_(number, column, message))

        values = {k: _unquote((v or "").strip()) for k, v in record.items() if k}
        kind = values.get("kind", "")
        if kind and kind != Kind.OFFICIAL:
            fail("kind", _("Only official progress can be imported."))
        commitment = None
        key = values.get("commitment_key", "")
        try:
            commitment = commitments.get(str(uuid.UUID(key)))
        except ValueError:
            pass
        if commitment is None:
            fail("commitment_key", _("No commitment of this plan has this key."))
        milestone = None
        milestone_key = values.get("milestone_key", "")
        if milestone_key and commitment is not None:
            by_key = {str(m.translation_key): m for m in commitment.milestones.all()}
            try:
                milestone = by_key.get(str(uuid.UUID(milestone_key)))
            except ValueError:
                milestone = None
            if milestone is None:
                fail("milestone_key", _("No milestone of this commitment has this key."))
        status = values.get("status", "")
        if status not in OfficialStatus.values:
            fail(
                "status",
                _("Unknown status “%(value)s”; use one of: %(choices)s.")
                % {"value": status, "choices": joined(OfficialStatus.values)},
            )
        percent = None
        raw_percent = values.get("percent", "")
        if raw_percent.isascii() and raw_percent.isdigit() and int(raw_percent) <= 100:
            percent = int(raw_percent)
        else:
            fail("percent", _("Enter a whole percentage between 0 and 100."))
        reported_on = None
        try:
            reported_on = date.fromisoformat(values.get("reported_on", ""))
        except ValueError:
            fail("reported_on", _("Enter a date as year-month-day, e.g. 2026-03-31."))
        if reported_on and reported_on > today:
            fail("reported_on", _("The date cannot be in the future."))
        narrative = values.get("narrative", "")
        if len(narrative) > NARRATIVE_MAX_LENGTH:
            fail("narrative", _("The narrative is too long."))
        if problems:
            errors.extend(problems)
        else:
            rows.append(
                ImportRow(number, commitment, milestone, status, percent, reported_on, narrative)
            )
    return rows, errors


def import_rows(*, user, plan, rows: list[ImportRow], language: str) -> int:
    """Post every row as an official report, all in one transaction: one refusal undoes all."""
    if not can(user, "monitoring.import_reports", plan):
        raise PermissionDenied
    with transaction.atomic():
        for row in rows:
            try:
                post_report(
                    user=user,
                    commitment=row.commitment,
                    kind=Kind.OFFICIAL,
                    milestone=row.milestone,
                    status=row.status,
                    percent=row.percent,
                    reported_on=row.reported_on,
                    narrative=row.narrative,
                    language=language,
                )
            except ValidationError as error:
                messages = "; ".join(error.messages)
                raise ValidationError(
                    _("Row %(row)s: %(message)s") % {"row": row.number, "message": messages}
                ) from None
        log(instance=plan, action="monitoring.import", user=user, data={"rows": len(rows)})
    return len(rows)
