from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.models.base import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    """Site search over the live pages of the current language."""
    query = request.GET.get("q", "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Your search is too long: please use at most %(max)s characters.") % {
            "max": MAX_QUERY_LENGTH
        }
    elif query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = paginate(request, pages.search(query), per_page=10)
    return render(
        request, "search/search.html", {"query": query, "results": results, "error": error}
    )
