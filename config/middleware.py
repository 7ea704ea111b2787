"""Request guards that close whole classes of bad input before any view runs."""

from django.http import JsonResponse, QueryDict
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside the language-prefixed site: their 404s stay 404s.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml")


def has_nul(request) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )


class RejectNulMiddleware:
    """A NUL character in a query parameter is never meaningful, and PostgreSQL refuses it in
    any query (a server error wherever a parameter reaches the database). The API answers 400
    in JSON; the site drops the NUL characters, so that a search or a facet still works."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"message": "null characters are not allowed"}, status=400)
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of the API, the admin or a file is not turned into a
    redirect to a language-prefixed page (which would then be the site's HTML 404)."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
