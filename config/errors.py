"""Error views: the site's own pages in the request's language; JSON on the API's paths (its
clients read JSON, as from the API's own errors); a page of its own for a foreign host."""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.views import defaults

# The API's own error bodies are {"message": …} in English; so are these.
API_MESSAGES = {
    400: "bad request",
    403: "permission denied",
    404: "not found",
    500: "server error",
}


def _api_error(request, status: int) -> JsonResponse | None:
    if request.path_info.startswith("/api/"):
        return JsonResponse({"message": API_MESSAGES[status]}, status=status)
    return None


def bad_request(request, exception):
    """A request for a host that is not ours (ALLOWED_HOSTS) is refused before anything may
    read the host: the site's own 400 page links, switches languages and finds the site from
    it, so it gets a page of its own that reads nothing from the request."""
    if isinstance(exception, DisallowedHost):
        return HttpResponseBadRequest(render_to_string("400_host.html"))
    return _api_error(request, 400) or defaults.bad_request(request, exception)


def permission_denied(request, exception):
    return _api_error(request, 403) or defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    return _api_error(request, 404) or defaults.page_not_found(request, exception)


def server_error(request):
    return _api_error(request, 500) or defaults.server_error(request)
