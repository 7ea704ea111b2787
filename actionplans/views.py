"""Open data downloads of a plan, at <plan URL>data.csv and <plan URL>data.json. (Wagtail's own
page routes cannot carry a dot, so these addresses are routed here and resolved to the page the
way Wagtail serves pages, privacy checks included.)"""

from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.models import Page

from . import opendata
from .models import ActionPlanPage


@require_safe
def plan_data(request, page_path: str, extension: str):
    route = Page.route_for_request(request, page_path)
    if route is None:
        raise Http404
    plan, args, kwargs = route
    if not isinstance(plan, ActionPlanPage) or args or kwargs:
        raise Http404
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(plan, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    dataset = opendata.plan_dataset(plan, request, timezone.localdate())
    if extension == "csv":
        response = HttpResponse(opendata.csv_bytes(dataset), content_type="text/csv; charset=utf-8")
        disposition = "attachment"
    else:
        response = JsonResponse(dataset, json_dumps_params={"ensure_ascii": False, "indent": 2})
        disposition = "inline"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{opendata.filename(plan, extension)}"'
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
