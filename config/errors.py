"""Error views that Django's defaults do not cover."""

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.views import defaults


def bad_request(request, exception):
    """A request for a host that is not ours (ALLOWED_HOSTS) is refused before anything may
    read the host: the site's own 400 page links, switches languages and finds the site from
    it, so it gets a page of its own that reads nothing from the request."""
    if isinstance(exception, DisallowedHost):
        return HttpResponseBadRequest(render_to_string("400_host.html"))
    return defaults.bad_request(request, exception)
