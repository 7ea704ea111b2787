from django import forms
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from home.models.base import paginate
from search import engine, registry
from search.forms import QueryField, SiteSearchForm, form_for
from search.normalise import normalise
from search.promotions import promotions_for, record_hit
from search.results import build_hits

RESULTS_PER_PAGE = 10
FACETED_PER_PAGE = 20
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2


def _query_and_error(form) -> tuple[str, str]:
    form.is_valid()
    errors = form.errors.get("q")
    return form.cleaned_data.get("q", ""), (errors[0] if errors else "")


@require_GET
def search(request):
    """Site search over the live pages of the current language (or of every language)."""
    form = SiteSearchForm(request.GET)
    query, error = _query_and_error(form)
    all_languages = bool(form.cleaned_data.get("all"))
    locale = Locale.get_active()
    results, hits, promotions = None, [], []
    if query and not error:
        promotions = promotions_for(query, locale=locale, request=request)
        pages = Page.objects.live().public()
        if not all_languages:
            pages = pages.filter(locale=locale)
        promoted_ids = [promotion.page.pk for promotion in promotions if promotion.page]
        if promoted_ids:
            pages = pages.exclude(id__in=promoted_ids)
        results = paginate(
            request, pages.specific().search(query, operator="and"), per_page=RESULTS_PER_PAGE
        )
        hits = build_hits(results, query, show_language=all_languages)
        if results.number == 1:
            record_hit(query)
        else:
            promotions = []
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": query,
            "all_languages": all_languages,
            "error": error,
            "results": results,
            "hits": hits,
            "promotions": promotions,
        },
    )


@require_GET
def faceted(request, name: str):
    """A registered faceted search; works with text, with facets, or with both."""
    search = registry.get(name)
    form = form_for(search)(request.GET)
    query, error = _query_and_error(form)
    language_code = Locale.get_active().language_code
    filters = form.filters(default_language=language_code)
    found = engine.run(search, "" if error else query, filters, language_code=language_code)
    results = paginate(request, found.results, per_page=FACETED_PER_PAGE)
    show_language = bool(search.language_facet) and (
        filters.get(search.language_facet) != [language_code]
    )
    return render(
        request,
        search.template,
        {
            "form": form,
            "query": query,
            "error": error,
            "results": results,
            "hits": build_hits(results, query, show_language=show_language),
            "facets": found.facets,
            "filters_active": any(request.GET.getlist(spec.name) for spec in search.specs),
        },
    )


@require_GET
def autocomplete(request):
    """Titles (of commitments) of the current language that start like the query, as JSON:
    the suggestions of the registered search that offers them."""
    try:
        query = QueryField().clean(request.GET.get("q", ""))
    except forms.ValidationError:  # an over-long query simply gets no suggestions
        query = ""
    search = registry.autocompleted()
    if search is None or len(normalise(query).replace(" ", "")) < AUTOCOMPLETE_MIN_LENGTH:
        return JsonResponse({"results": []})
    found = (
        search.queryset()
        .filter(locale=Locale.get_active())
        .autocomplete(query, operator="and")[:AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse({"results": [search.suggestion(obj, request) for obj in found]})
