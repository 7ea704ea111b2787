"""The editors' CSV import of official progress, in the admin: upload, preview, confirm."""

import base64
import hashlib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from actionplans.models import ActionPlanPage

from . import imports
from .rules import can

SESSION_KEY = "monitoring-import"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns: commitment_key, milestone_key (optional), status, percent, reported_on, "
            "narrative (optional) — as in the plan's progress reports download. UTF-8, with or "
            "without a byte-order mark."
        ),
    )


def _check(request):
    if not can(request.user, "monitoring.import_reports"):
        raise PermissionDenied


def choose_plan(request):
    _check(request)
    plans = ActionPlanPage.objects.order_by("locale_id", "title").select_related("locale")
    return TemplateResponse(request, "monitoring/admin/import_choose.html", {"plans": plans})


def import_plan(request, plan_id: int):
    _check(request)
    plan = get_object_or_404(ActionPlanPage, pk=plan_id)
    context = {"plan": plan, "rows": None, "errors": None}
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.get(SESSION_KEY) or {}
        raw = base64.b64decode(stored.get("data", "")) if stored.get("plan") == plan.pk else b""
        if not raw or hashlib.sha256(raw).hexdigest() != request.POST.get("confirm"):
            messages.error(request, _("The preview has expired: please upload the file again."))
            return redirect("monitoring_import_plan", plan.pk)
        try:
            rows, errors = imports.parse(plan, raw)
            if errors:
                raise ValidationError(_("The file is no longer valid: upload it again."))
            count = imports.import_rows(
                user=request.user, plan=plan, rows=rows, language=get_language()
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("monitoring_import_plan", plan.pk)
        except PermissionDenied:
            messages.error(request, _("This plan does not take progress reports now."))
            return redirect("monitoring_import_plan", plan.pk)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("%(count)s official reports imported.") % {"count": count})
        return redirect("monitoring_import_plan", plan.pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read(imports.MAX_BYTES + 1)
        try:
            rows, errors = imports.parse(plan, raw)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            context.update(rows=rows, errors=errors)
            if not errors:
                request.session[SESSION_KEY] = {
                    "plan": plan.pk,
                    "data": base64.b64encode(raw).decode("ascii"),
                }
                context["confirm"] = hashlib.sha256(raw).hexdigest()
    elif request.method == "POST" and not request.FILES:
        form.errors.clear()
        form.add_error("file", _("The file is empty."))
    context["form"] = form
    status = 400 if form.errors or context["errors"] else 200
    return TemplateResponse(request, "monitoring/admin/import.html", context, status=status)
