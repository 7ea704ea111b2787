"""The commitment search (``/<lang>/search/commitments/``), declared for search/'s registry.

Facets: plan, status, OGP value, theme, lead institution, language. Values in URLs are the same
in every language where they can be, so shared links keep working: plans and institutions by
translation key, statuses and OGP values by code, languages by code; themes (tags, which are
written per language) by slug. Other apps add facets with ``search.registry.add_facet``."""

from collections.abc import Collection, Sequence

from django.db.models import F, QuerySet, Subquery
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.models import Tag
from wagtail.models import Page

from accounts.models import Organisation
from home.translations import in_locale
from search import registry
from search.facets import choice_facet, language_facet
from search.forms import is_uuid
from search.registry import Extra, FacetedSearch, FacetSpec

from .listings import plans_by_path
from .models import ActionPlanPage, CommitmentPage, OGPValue, Status

NAME = "commitments"
#: Plans, themes and institutions can be many (a region's archive of plans over the years):
#: the most frequent are listed (and any ticked one).
MAX_OPTIONS = 15


def searchable_commitments() -> QuerySet:
    return CommitmentPage.objects.live().public()


# --- Plan -----------------------------------------------------------------------------------


def _filter_plan(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    plan_paths = ActionPlanPage.objects.filter(translation_key__in=values).order_by().values("path")
    return queryset.with_plan_path().filter(plan_path__in=Subquery(plan_paths))


def _plan_path():
    return Substr("path", 1, (F("depth") - 1) * Page.steplen)  # with_plan_path()'s


def _plan_keys(paths: set) -> dict:
    """Plan tree paths as the plans' translation keys (a facet's values), in one query."""
    plans = ActionPlanPage.objects.filter(path__in=paths)
    return dict(plans.values_list("path", "translation_key"))


def _plan_titles(keys: Collection[str], language_code: str) -> dict:
    """Plans' titles by translation key, in the page's language where they have one (else in
    another), in one query."""
    labelled = in_locale(
        ActionPlanPage.objects.only("translation_key", "title", "locale"), keys, language_code
    )
    return {str(key): plan.title for key, plan in labelled.items()}


# --- Theme and lead institution ---------------------------------------------------------


def _filter_theme(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    tagged = CommitmentPage.objects.filter(tags__slug__in=values).order_by().values("id")
    return queryset.filter(id__in=Subquery(tagged))


def _theme_names(slugs: Collection[str], language_code: str) -> dict:
    """Themes' names by slug (tags are written per language, so a name is the tag's own)."""
    return dict(Tag.objects.filter(slug__in=list(slugs)).values_list("slug", "name"))


def _filter_institution(queryset: QuerySet, values: Sequence[str]) -> QuerySet:
    return queryset.filter(lead_institution__translation_key__in=values)


def _institution_names(keys: Collection[str], language_code: str) -> dict:
    """Organisations' names by translation key, in the page's language where they have one."""
    labelled = in_locale(
        Organisation.objects.only("translation_key", "name", "locale"), keys, language_code
    )
    return {str(key): org.name for key, org in labelled.items()}


# --- Per-result extras and suggestions --------------------------------------------------


def plan_extras(commitments: list) -> dict[int, list[Extra]]:
    """The plan each commitment belongs to, in one query."""
    plans = plans_by_path(commitments)
    label = _("Plan:")
    return {
        commitment.pk: [Extra("plan", label, plans[commitment.plan_path])]
        for commitment in commitments
        if commitment.plan_path in plans
    }


def suggestion(commitment: CommitmentPage, request) -> dict:
    return {"title": commitment.title, "code": commitment.code, "url": commitment.get_url(request)}


def facets() -> list[FacetSpec]:
    return [
        FacetSpec(
            "plan",
            pgettext_lazy("search facet", "Action plan"),
            filter=_filter_plan,
            accepts=is_uuid,
            value=_plan_path,
            rekey=_plan_keys,
            labels=_plan_titles,
            limit=MAX_OPTIONS,
        ),
        choice_facet(
            "status",
            pgettext_lazy("search facet", "Official status"),
            lookup="status",
            choices=Status.choices,
            indexed=True,
        ),
        choice_facet(
            "value",
            pgettext_lazy("search facet", "OGP value"),
            lookup="ogp_values__code",
            choices=OGPValue.Code.choices,
            relation=True,
        ),
        FacetSpec(
            "theme",
            pgettext_lazy("search facet", "Theme"),
            filter=_filter_theme,
            limit=MAX_OPTIONS,
            values="tags__slug",
            labels=_theme_names,
        ),
        FacetSpec(
            "institution",
            pgettext_lazy("search facet", "Lead institution"),
            filter=_filter_institution,
            accepts=is_uuid,
            limit=MAX_OPTIONS,
            value=lambda: F("lead_institution__translation_key"),
            labels=_institution_names,
        ),
        language_facet("language", pgettext_lazy("search facet", "Language")),
    ]


def register() -> None:
    registry.register(
        FacetedSearch(
            name=NAME,
            model=CommitmentPage,
            queryset=searchable_commitments,
            facets=facets(),
            template="search/commitments.html",
            extras=plan_extras,
            query_label=_("Search commitments"),
            language_facet="language",
            suggestion=suggestion,
        )
    )
