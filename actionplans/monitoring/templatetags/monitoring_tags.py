from django import template
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from home import languages

from ..rules import can as can_do

register = template.Library()


@register.simple_tag
def monitoring_can(user, permission: str, obj=None) -> bool:
    return can_do(user, permission, obj)


@register.filter
def language_name(code: str) -> str:
    """The language's name in the reader's language: "arabe" on a French page."""
    return languages.language_name(code)


@register.inclusion_tag("monitoring/includes/commitment_monitoring.html", takes_context=True)
def commitment_monitoring(context, page, milestones):
    """Both voices side by side, disagreements, the history, the report and follow actions."""
    from ..accreditation import accredited_organisations
    from ..display import commitment_items, history, item_titles
    from ..models import Follow
    from ..rules import plan_of

    request = context["request"]
    # The positions table is the same for every visitor (a shared fragment of the template):
    # read only when it is rendered.
    items = SimpleLazyObject(lambda: commitment_items(page, milestones))
    user = request.user
    following = bool(
        user.is_authenticated
        and Follow.objects.filter(user=user, target_key=page.translation_key).exists()
    )
    from actionplans.models import ActionPlanPage

    plan = context.get("plan")  # the page's context may hold a plain Page (the breadcrumbs')
    if isinstance(plan, ActionPlanPage):
        if "phases" not in getattr(plan, "_prefetched_objects_cache", {}):
            prefetch_related_objects([plan], "phases")
        page._monitoring_plan = plan
    elif user.is_authenticated or plan is None:
        # The rules read the plan's phases, but only for a signed-in user: a visitor's rights
        # are decided without them, and the links need only the plan's id.
        plan = plan_of(page)
    may = {
        "official": can_do(user, "monitoring.add_official_report", page),
        "civil_society": can_do(user, "monitoring.add_assessment", page),
        "hide": can_do(user, "monitoring.hide_report"),
    }
    mine = {o.translation_key for o in accredited_organisations(user, plan)}
    page_of_history = history(
        request, page, item_titles(page, milestones), request.GET.get("history")
    )
    for report in page_of_history.object_list:
        report.may_correct = not report.is_corrected and (
            (report.kind == "official" and may["official"])
            or (
                report.kind == "civil_society"
                and may["civil_society"]
                and report.organisation is not None
                and report.organisation.translation_key in mine
            )
        )
    # What the rendered history depends on besides the reports: which ones this reader may
    # correct, and whether they may hide reports.
    history_key = f"{page_of_history.number} {may['hide']:d}" + "".join(
        f"{report.may_correct:d}" for report in page_of_history.object_list
    )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "history_key": history_key,
        "page": page,
        "user": user,
        "items": items,
        # A callable: the template calls it when (if) it reads it.
        "disagreements": lambda: sum(1 for item in items if item.disagreement),
        "history": page_of_history,
        "may": may,
        "plan": plan,
        "following": following,
        "today": timezone.localdate(),
    }
