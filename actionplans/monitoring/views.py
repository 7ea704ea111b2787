"""Public co-monitoring pages: applying for accreditation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from actionplans.models import ActionPlanPage
from home.visibility import public_q

from . import services
from .accreditation import accredited_organisations
from .forms import ApplicationForm
from .models import Accreditation, MonitoringReport
from .rules import can


def local_version(page_model, pk: int):
    """The live, public page with this id, in the active language when it exists there (one
    query: the page and its version in the active language are read together)."""
    if not 0 < int(pk) < 2**63:
        raise Http404
    same_item = page_model.objects.filter(pk=pk).values("translation_key")[:1]
    found = list(
        page_model.objects.live()
        .filter(public_q())
        .filter(
            Q(pk=pk) | Q(translation_key=Subquery(same_item), locale__language_code=get_language())
        )
    )
    page = next((p for p in found if p.pk == int(pk)), None)
    if page is None:
        raise Http404
    return next((p for p in found if p.pk != page.pk), page)


@require_http_methods(["GET", "POST"])
@login_required
def apply(request, plan_id: int):
    plan = local_version(ActionPlanPage, plan_id)
    allowed = can(request.user, "monitoring.apply_for_accreditation", plan)
    form = ApplicationForm(
        request.POST if request.method == "POST" else None,
        locale=plan.locale,
        initial={"contact_email": request.user.email},
    )
    status = 200 if allowed else 403
    if request.method == "POST" and allowed:
        if form.is_valid():
            try:
                services.apply_for_accreditation(
                    user=request.user,
                    plan=plan,
                    organisation=form.cleaned_data["organisation"],
                    new_organisation_name=form.cleaned_data["new_organisation"],
                    registration_number=form.cleaned_data["registration_number"],
                    contact_name=form.cleaned_data["contact_name"],
                    contact_email=form.cleaned_data["contact_email"],
                    member_emails=form.emails(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            except PermissionDenied:
                form.add_error(None, _("You cannot apply for this plan."))
            else:
                messages.success(
                    request,
                    _("Thank you: the council will examine the application and email you."),
                )
                return redirect(plan.get_url(request))
        status = 400
    mine = Accreditation.objects.for_plan(plan.translation_key).filter(members=request.user)
    return render(
        request,
        "monitoring/apply.html",
        {
            "page": plan,
            "plan": plan,
            "form": form,
            "allowed": allowed,
            "applications": list(mine.select_related("organisation")),
            "accredited": accredited_organisations(request.user, plan),
        },
        status=status,
    )


def dashboard(request, plan_id: int):
    from django.db.models import prefetch_related_objects
    from django.utils import timezone

    from .dashboard import plan_dashboard

    plan = local_version(ActionPlanPage, plan_id)
    prefetch_related_objects([plan], "phases")
    today = timezone.localdate()
    context = plan_dashboard(plan, today)
    context.update(
        monitoring_reports=list(
            MonitoringReport.objects.filter(plan_key=plan.translation_key).select_related(
                "organisation"
            )[:20]
        ),
        may_publish=can(request.user, "monitoring.publish_monitoring_report", plan),
        page=plan,
        plan=plan,
        today=today,
        may_apply=can(request.user, "monitoring.apply_for_accreditation", plan),
        accredited=[
            a.organisation
            for a in Accreditation.objects.for_plan(plan.translation_key)
            .accredited()
            .filter(organisation__isnull=False)
            .select_related("organisation")
        ],
    )
    return render(request, "monitoring/dashboard.html", context)


@require_http_methods(["POST"])
@login_required
def follow(request, page_id: int):
    from actionplans.models import CommitmentPage

    from .services import follow_page

    page = CommitmentPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        page = local_version(ActionPlanPage, page_id)
    follow_page(user=request.user, page=page, follow=request.POST.get("action") != "unfollow")
    if request.POST.get("action") == "unfollow":
        messages.success(request, _("You no longer follow this page."))
    else:
        messages.success(request, _("You will be emailed when a report is published here."))
    return redirect(
        page.get_url(request) + ("#monitoring" if page.specific_class is CommitmentPage else "")
    )


@require_safe
def plan_reports_data(request, plan_id: int, extension: str):
    from django.http import HttpResponse, JsonResponse
    from django.utils.text import slugify

    from .opendata import report_records, reports_csv

    plan = local_version(ActionPlanPage, plan_id)
    records = report_records(plan.translation_key, request)
    if extension == "csv":
        response = HttpResponse(reports_csv(records), content_type="text/csv; charset=utf-8")
        disposition = "attachment"
    else:
        payload = {"plan_key": str(plan.translation_key), "progress_reports": records}
        response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 2})
        disposition = "inline"
    stem = slugify(plan.code) or f"action-plan-{plan.pk}"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{stem}-progress-reports.{extension}"'
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def publish_periodic(request, plan_id: int):
    from django.utils.translation import get_language

    from .forms import MonitoringReportForm
    from .services import publish_monitoring_report

    plan = local_version(ActionPlanPage, plan_id)
    allowed = can(request.user, "monitoring.publish_monitoring_report", plan)
    form = MonitoringReportForm(request.POST or None, request.FILES or None)
    status = 200 if allowed else 403
    if request.method == "POST" and allowed:
        if form.is_valid():
            try:
                publish_monitoring_report(
                    user=request.user,
                    plan=plan,
                    title=form.cleaned_data["title"],
                    narrative=form.cleaned_data["narrative"],
                    document=form.cleaned_data.get("document"),
                    language=get_language(),
                )
            except ValidationError as error:
                for name, problems in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, problems)
            else:
                messages.success(request, _("Thank you: your monitoring report is published."))
                return redirect("monitoring:dashboard", plan.pk)
        status = 400
    return render(
        request,
        "monitoring/periodic_form.html",
        {"page": plan, "plan": plan, "form": form, "allowed": allowed},
        status=status,
    )
