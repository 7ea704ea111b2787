"""Faceted filtering of commitments: plan, status, OGP value, theme, lead institution, language.

Filters combine with AND across facets and OR within one facet. Each facet's counts are taken
with every *other* facet's filter applied, so a visitor sees how many commitments each value
would give if ticked (the usual multi-select facet). Every count is one aggregate query, so a
page runs the same number of queries whatever the number of commitments or facet values.

Values in URLs are the same in every language where they can be: plans and institutions by
translation key, statuses and OGP values by code, languages by code; themes (tags, which are
written per language) by slug.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, QuerySet, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page

from accounts.models import Organisation
from actionplans.models import ActionPlanPage, CommitmentPage, OGPValue

FACETS = ("plan", "status", "value", "theme", "institution", "language")
#: Themes and institutions can be many: the most frequent are listed (and any ticked one).
MAX_OPTIONS = 15


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


def with_plan_path(queryset: QuerySet) -> QuerySet:
    """Annotate each commitment with its parent's tree path: the plan it belongs to."""
    return queryset.annotate(plan_path=Substr("path", 1, (F("depth") - 1) * Page.steplen))


def filter_commitments(queryset: QuerySet, filters: dict[str, list[str]], *, skip: str = ""):
    """``queryset`` narrowed by every facet filter except ``skip``. Relations that would repeat
    rows (OGP values, tags) are filtered through id subqueries, so results stay distinct; the
    subqueries drop the page ordering, which PostgreSQL would otherwise sort for nothing."""
    for name in FACETS:
        values = filters.get(name) or []
        if name == skip or not values:
            continue
        if name == "plan":
            plan_paths = (
                ActionPlanPage.objects.filter(translation_key__in=values).order_by().values("path")
            )
            queryset = with_plan_path(queryset).filter(plan_path__in=Subquery(plan_paths))
        elif name == "status":
            queryset = queryset.filter(status__in=values)
        elif name == "value":
            tagged = (
                CommitmentPage.objects.filter(ogp_values__code__in=values).order_by().values("id")
            )
            queryset = queryset.filter(id__in=Subquery(tagged))
        elif name == "theme":
            tagged = CommitmentPage.objects.filter(tags__slug__in=values).order_by().values("id")
            queryset = queryset.filter(id__in=Subquery(tagged))
        elif name == "institution":
            queryset = queryset.filter(lead_institution__translation_key__in=values)
        elif name == "language":
            queryset = queryset.filter(locale__language_code__in=values)
    return queryset


def _counts(queryset: QuerySet, key: str) -> dict:
    rows = (
        queryset.order_by()
        .values(key)
        .annotate(count=Count("id", distinct=True))
        .values_list(key, "count")
    )
    return {value: count for value, count in rows if value is not None}


def _prefer_language(objects, language_code: str) -> dict:
    """One object per translation key, in the given language when it exists."""
    chosen = {}
    for obj in objects:
        key = obj.translation_key
        if key not in chosen or obj.locale.language_code == language_code:
            chosen[key] = obj
    return chosen


def _options(
    counts: dict, labels: dict, selected: list[str], limit: int | None = None
) -> list[FacetOption]:
    """Options by count, the most frequent ``limit`` of them plus every selected one."""
    values = list(counts) + [value for value in selected if value not in counts]
    options = [
        FacetOption(
            value=str(value),
            label=str(labels.get(value, value)),
            count=counts.get(value, 0),
            selected=str(value) in selected,
        )
        for value in values
    ]
    options.sort(key=lambda option: (-option.count, option.label))
    if limit is not None:
        options = [o for n, o in enumerate(options) if n < limit or o.selected]
    return options


def _plan_facet(queryset, selected, language_code) -> Facet:
    by_path = _counts(with_plan_path(queryset), "plan_path")
    plans = ActionPlanPage.objects.filter(path__in=list(by_path)).only(
        "path", "translation_key", "title", "locale"
    )
    key_of_path = {plan.path: str(plan.translation_key) for plan in plans}
    counts: dict[str, int] = defaultdict(int)
    for path, count in by_path.items():
        if path in key_of_path:
            counts[key_of_path[path]] += count
    keys = set(counts) | set(selected)
    labelled = _prefer_language(
        ActionPlanPage.objects.filter(translation_key__in=keys)
        .select_related("locale")
        .only("translation_key", "title", "locale__language_code"),
        language_code,
    )
    labels = {str(key): plan.title for key, plan in labelled.items()}
    return Facet("plan", _options(dict(counts), labels, selected))


def _institution_facet(queryset, selected, language_code) -> Facet:
    counts = {str(k): n for k, n in _counts(queryset, "lead_institution__translation_key").items()}
    labelled = _prefer_language(
        Organisation.objects.filter(translation_key__in=set(counts) | set(selected))
        .select_related("locale")
        .only("translation_key", "name", "locale__language_code"),
        language_code,
    )
    labels = {str(key): org.name for key, org in labelled.items()}
    return Facet("institution", _options(counts, labels, selected, limit=MAX_OPTIONS))


def _theme_facet(queryset, selected) -> Facet:
    rows = (
        queryset.order_by()
        .filter(tags__isnull=False)
        .values("tags__slug", "tags__name")
        .annotate(count=Count("id", distinct=True))
        .values_list("tags__slug", "tags__name", "count")
    )
    counts, labels = {}, {}
    for slug, name, count in rows:
        counts[slug] = count
        labels[slug] = name
    return Facet("theme", _options(counts, labels, selected, limit=MAX_OPTIONS))


def compute_facets(
    base: QuerySet,
    filters: dict[str, list[str]],
    *,
    language_code: str,
    matching_ids=None,
) -> list[Facet]:
    """Every facet with its counts over ``base`` (already narrowed to live, public
    commitments), optionally restricted to ``matching_ids`` (a text search's match set)."""
    if matching_ids is not None:
        base = base.filter(id__in=matching_ids)

    def scope(name):
        return filter_commitments(base, filters, skip=name)

    status_labels = dict(CommitmentPage._meta.get_field("status").flatchoices)
    value_labels = dict(OGPValue.Code.choices)
    language_labels = dict(settings.LANGUAGES)
    return [
        _plan_facet(scope("plan"), filters.get("plan", []), language_code),
        Facet(
            "status",
            _options(_counts(scope("status"), "status"), status_labels, filters.get("status", [])),
        ),
        Facet(
            "value",
            _options(
                _counts(scope("value"), "ogp_values__code"), value_labels, filters.get("value", [])
            ),
        ),
        _theme_facet(scope("theme"), filters.get("theme", [])),
        _institution_facet(scope("institution"), filters.get("institution", []), language_code),
        Facet(
            "language",
            _options(
                _counts(scope("language"), "locale__language_code"),
                language_labels,
                filters.get("language", []),
            ),
        ),
    ]
