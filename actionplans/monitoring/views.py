"""Public co-monitoring pages: applying for accreditation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from actionplans.models import ActionPlanPage

from . import services
from .accreditation import accredited_organisations
from .forms import ApplicationForm
from .models import Accreditation
from .rules import can


def local_version(page_model, pk: int):
    """The live, public page with this id, in the active language when it exists there."""
    page = page_model.objects.live().public().filter(pk=pk).first()
    if page is None:
        raise Http404
    local = (
        page_model.objects.live()
        .public()
        .filter(translation_key=page.translation_key, locale=Locale.get_active())
        .first()
    )
    return local or page


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
