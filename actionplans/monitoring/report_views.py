"""Posting and correcting reports, hiding them, downloading their evidence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from actionplans.models import CommitmentPage

from . import evidence as evidence_rules
from . import services
from .accreditation import accredited_organisations
from .forms import HideForm, ReportForm
from .models import ProgressReport
from .models.reports import Kind
from .rules import can, plan_of
from .scales import CivilSocietyStatus, OfficialStatus
from .views import local_version

PERMISSIONS = {
    Kind.OFFICIAL: "monitoring.add_official_report",
    Kind.CIVIL_SOCIETY: "monitoring.add_assessment",
}


def _targets(commitment) -> tuple[list, dict]:
    milestones = list(commitment.milestones.all())
    choices = [("", _("The commitment as a whole"))]
    by_key = {}
    for milestone in milestones:
        choices.append((str(milestone.translation_key), milestone.deliverable))
        by_key[str(milestone.translation_key)] = milestone
    return choices, by_key


def _error_dict(error: ValidationError) -> dict:
    return error.message_dict if hasattr(error, "error_dict") else {None: error.messages}


@require_http_methods(["GET", "POST"])
@login_required
def post_report(request, commitment_id: int, kind: str):
    if kind not in PERMISSIONS:
        raise Http404
    commitment = local_version(CommitmentPage, commitment_id)
    allowed = can(request.user, PERMISSIONS[kind], commitment)
    targets, milestones = _targets(commitment)
    source = request.POST if request.method == "POST" else request.GET
    corrects = None
    corrects_id = source.get("corrects") or ""
    if corrects_id:
        if not (corrects_id.isascii() and corrects_id.isdigit() and len(corrects_id) <= 18):
            raise Http404
        corrects = get_object_or_404(
            ProgressReport.objects.published(),
            pk=int(corrects_id),
            commitment_key=commitment.translation_key,
            kind=kind,
        )
    initial = {
        "reported_on": timezone.localdate(),
        "corrects": corrects_id,
        "target": str(corrects.target_key)
        if corrects and corrects.target_type == "milestone"
        else "",
    }
    if not initial["target"] and source.get("target") in milestones:
        initial["target"] = source.get("target")
    if corrects is not None:
        initial.update(status=corrects.status, percent=corrects.percent)
    scale = OfficialStatus if kind == Kind.OFFICIAL else CivilSocietyStatus
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        kind=kind,
        targets=targets,
        statuses=scale.choices,
        organisations=accredited_organisations(request.user, plan_of(commitment)),
        initial=initial,
    )
    status = 200 if allowed else 403
    if request.method == "POST" and allowed:
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.post_report(
                    user=request.user,
                    commitment=commitment,
                    kind=kind,
                    milestone=milestones.get(data["target"] or ""),
                    status=data["status"],
                    percent=data.get("percent"),
                    reported_on=data["reported_on"],
                    narrative=data.get("narrative") or "",
                    evidence=data.get("evidence"),
                    evidence_link=data.get("evidence_link") or "",
                    language=get_language() or commitment.locale.language_code,
                    agrees_with_official=form.agrees_value if kind != Kind.OFFICIAL else None,
                    corrects=corrects,
                    organisation=form.chosen_organisation if kind != Kind.OFFICIAL else None,
                )
            except ValidationError as error:
                for name, problems in _error_dict(error).items():
                    form.add_error(name if name in form.fields else None, problems)
            except PermissionDenied:
                form.add_error(None, _("You cannot post this kind of report here."))
            else:
                messages.success(request, _("Thank you: your report is published."))
                return redirect(commitment.get_url(request) + "#monitoring")
        status = 400
    return render(
        request,
        "monitoring/report_form.html",
        {
            "page": commitment,
            "commitment": commitment,
            "form": form,
            "kind": kind,
            "allowed": allowed,
            "corrects": corrects,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def hide_report(request, report_id: int):
    if report_id >= 2**63:
        raise Http404
    report = get_object_or_404(ProgressReport.objects.published(), pk=report_id)
    commitment = (
        CommitmentPage.objects.live()
        .filter(translation_key=report.commitment_key, locale__language_code=get_language())
        .first()
        or CommitmentPage.objects.live().filter(translation_key=report.commitment_key).first()
    )
    if commitment is None:
        raise Http404
    if not can(request.user, "monitoring.hide_report", report):
        raise PermissionDenied
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hide_report(
                user=request.user, report=report, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The report is hidden; its author is emailed the reason."))
            return redirect(commitment.get_url(request) + "#monitoring")
    return render(
        request,
        "monitoring/hide_form.html",
        {"page": commitment, "commitment": commitment, "report": report, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _download(field, name: str):
    """A stored upload, always as a download that cannot run in the site's origin."""
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=name or field.name.rsplit("/", 1)[-1],
        content_type=evidence_rules.content_type_for(field.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_safe
def evidence(request, report_id: int):
    if report_id >= 2**63:
        raise Http404
    report = get_object_or_404(ProgressReport.objects.published(), pk=report_id)
    if not report.evidence:
        raise Http404
    return _download(report.evidence, report.evidence_name)


@require_safe
def periodic_document(request, report_id: int):
    from .models import MonitoringReport

    if report_id >= 2**63:
        raise Http404
    report = get_object_or_404(MonitoringReport, pk=report_id)
    if not report.document:
        raise Http404
    return _download(report.document, report.document_name)
