"""Demo co-monitoring: the council's and two accredited CSOs' history on the regional plan, the
Balkh women's network on the Mazar-i-Sharif plan, followers. Everything goes through the
services, from the keyed data file history.json; dates are relative to today."""

import json
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Organisation
from actionplans.models import ActionPlanPage, CommitmentPage

from .. import services
from ..models import Position

DATA = Path(__file__).with_name("history.json")
# A one-page PDF, enough for a browser to open: the demo's evidence document.
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def load(context: dict) -> dict:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    users = {
        u.email: u for u in get_user_model().objects.filter(email__endswith="@demo.mosharaka.org")
    }
    today = context.get("today") or timezone.localdate()
    organisations = context.get("organisations", {})
    plans = {}
    for code in {row["plan"] for row in data["accreditations"] + data["reports"]}:
        plan = ActionPlanPage.objects.filter(code=code).order_by("pk").first()
        if plan is not None:
            plans[code] = plan
    editor = users[data["baseline_by"]]
    for plan in plans.values():
        _baseline(plan, editor, today - timedelta(days=data["baseline_days_ago"]))
    for row in data["accreditations"]:
        if row["plan"] in plans:
            _accredit(row, plans[row["plan"]], users, editor, organisations)
    posted: dict = {}
    for row in sorted(data["reports"], key=lambda r: -r["days_ago"]):
        if row["plan"] in plans:
            # Loaded for a day ahead of the real one (load_demo --today), reports dated after
            # the real today are refused by the services like any report: the demo then
            # shows the history up to now.
            report = _report(row, plans[row["plan"]], users, posted, today, organisations)
            if report is not None:
                posted[row["id"]] = report
    for row in data.get("monitoring_reports", []):
        if row["plan"] in plans:
            document = None
            if row.get("document"):
                document = SimpleUploadedFile(row["document"], EVIDENCE_PDF, "application/pdf")
            services.publish_monitoring_report(
                user=users[row["by"]],
                plan=plans[row["plan"]],
                title=row["title"],
                narrative=row["narrative"],
                language=row["language"],
                document=document,
            )
    for row in data["follows"]:
        plan = plans.get(row["plan"])
        if plan is None:
            continue
        page = plan
        if row.get("commitment"):
            page = CommitmentPage.objects.child_of(plan).get(code=row["commitment"])
        services.follow_page(user=users[row["user"]], page=page)
    return {"monitoring_reports": posted}


def _baseline(plan, editor, when) -> None:
    """The values typed on the pages before co-monitoring, as the first official reports."""
    for commitment in CommitmentPage.objects.child_of(plan).order_by("path"):
        if Position.objects.filter(commitment_key=commitment.translation_key).exists():
            continue
        language = commitment.locale.language_code
        for milestone in list(commitment.milestones.all()):
            _quietly(
                services.post_report,
                user=editor,
                commitment=commitment,
                kind="official",
                milestone=milestone,
                status=milestone.status,
                percent=milestone.progress,
                reported_on=when,
                language=language,
            )
        commitment.refresh_from_db()


def _quietly(service, **kwargs):
    """Call a service; None when it refuses (see load(): a demo loaded for a later day)."""
    try:
        return service(**kwargs)
    except (PermissionDenied, ValidationError):
        return None


def _organisation(key: str, organisations: dict) -> Organisation:
    """The source language version of a demo organisation (context of the earlier loaders)."""
    versions = organisations[key]
    return min(versions.values(), key=lambda organisation: organisation.pk)


def _accredit(row, plan, users, editor, organisations) -> None:
    organisation = _organisation(row["organisation"], organisations)
    members = [users[email] for email in row["members"]]
    accreditation = services.apply_for_accreditation(
        user=members[0],
        plan=plan,
        organisation=organisation,
        registration_number=row["registration_number"],
        contact_name=row["contact_name"],
        contact_email=row["contact_email"],
        member_emails=[m.email for m in members[1:]],
    )
    services.decide_accreditation(
        user=editor, accreditation=accreditation, decision=services.ACCREDIT, reason=row["reason"]
    )


def _report(row, plan, users, posted, today, organisations):
    user = users[row["by"]]
    commitment = CommitmentPage.objects.child_of(plan).get(code=row["commitment"])
    milestone = None
    if row.get("milestone"):
        milestone = list(commitment.milestones.all())[row["milestone"] - 1]
    organisation = None
    if row.get("organisation"):
        organisation = _organisation(row["organisation"], organisations)
    evidence = None
    if row.get("evidence_pdf"):
        evidence = SimpleUploadedFile(row["evidence_pdf"], EVIDENCE_PDF, "application/pdf")
    return _quietly(
        services.post_report,
        user=user,
        commitment=commitment,
        kind=row["kind"],
        milestone=milestone,
        status=row["status"],
        percent=row.get("percent"),
        narrative=row.get("narrative", ""),
        reported_on=today - timedelta(days=row["days_ago"]),
        evidence=evidence,
        evidence_link=row.get("evidence_link", ""),
        language=row["language"],
        agrees_with_official=row.get("agrees"),
        corrects=posted.get(row.get("corrects")),
        organisation=organisation,
    )
