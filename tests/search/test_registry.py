"""The search registry: actionplans declares the commitment search, other apps add facets
without touching search/, and shared links of the commitment search keep working."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from actionplans.models import CommitmentPage
from search import registry
from search.engine import run
from search.facets import choice_facet
from search.forms import form_for
from search.registry import FacetedSearch, FacetSpec

pytestmark = pytest.mark.django_db

FACET_NAMES = ["plan", "status", "value", "theme", "institution", "language"]
# Added by co-monitoring and co-evaluation from their AppConfig.ready().
ADDED_NAMES = ["civil_society", "disagreement", "completion", "early_results"]


def codes(response) -> list[str]:
    return sorted(hit.page.code for hit in response.context["hits"])


def test_actionplans_registers_the_commitment_search_with_its_facets():
    search = registry.get("commitments")
    assert search.model is CommitmentPage
    assert [spec.name for spec in search.facets] == FACET_NAMES
    assert [spec.name for spec in search.specs] == FACET_NAMES + ADDED_NAMES
    assert list(form_for(search).base_fields) == ["q", *FACET_NAMES, *ADDED_NAMES]


def test_a_shared_link_with_every_parameter_still_works(client, corpus):
    """The query parameters of links shared before the registry existed."""
    plan_key = str(corpus.plans["fa-af"].translation_key)
    water_key = str(corpus.organisations["water"]["fa-af"].translation_key)
    params = {
        "plan": plan_key,
        "institution": water_key,
        "language": "fa-af",
        "status": ["in_progress", "completed", "delayed", "not_started"],
        "page": "1",
    }
    response = client.get("/fa-af/search/commitments/", params)
    assert response.status_code == 200
    assert codes(response) == ["MS-03", "MS-08"]
    html = response.content.decode()
    assert f'name="plan" value="{plan_key}" checked' in html
    assert f'name="institution" value="{water_key}" checked' in html
    narrowed = client.get("/fa-af/search/commitments/", {**params, "theme": "آب"})
    assert codes(narrowed) == ["MS-03"]
    texts = client.get("/fa-af/search/commitments/", {**params, "q": "آب"})
    assert texts.status_code == 200
    assert set(codes(texts)) <= {"MS-03", "MS-08"}


def test_facets_show_in_declared_order_with_their_labels(client, corpus):
    response = client.get("/en/search/commitments/", {"language": ["ar", "fr", "fa-af"]})
    assert [facet.name for facet in response.context["facets"]] == FACET_NAMES + ADDED_NAMES
    html = response.content.decode()
    legends = [
        "Action plan",
        "Official status",
        "OGP value",
        "Theme",
        "Lead institution",
        "Language",
    ]
    positions = [html.index(f'<legend class="facet__legend">{label}</legend>') for label in legends]
    assert positions == sorted(positions)


@pytest.fixture
def code_facet():
    """A facet another app would add (here: commitment codes), taken back afterwards."""
    spec = choice_facet(
        "code", "Code", lookup="code", choices=[("MS-03", "MS-03"), ("MS-08", "MS-08")]
    )
    registry.add_facet("commitments", spec)
    yield spec
    registry.remove_facet("commitments", "code")


def test_another_app_adds_a_facet_that_filters_counts_and_shows(client, corpus, code_facet):
    response = client.get("/fa-af/search/commitments/", {"code": "MS-08"})
    assert codes(response) == ["MS-08"]
    added = next(facet for facet in response.context["facets"] if facet.name == "code")
    assert {option.value: option.count for option in added.options}["MS-03"] == 1
    assert [option.value for option in added.selected] == ["MS-08"]
    html = response.content.decode()
    assert '<legend class="facet__legend">Code</legend>' in html
    # Values the facet does not accept are dropped, as for the declared facets.
    assert len(client.get("/fa-af/search/commitments/", {"code": "XX"}).context["hits"]) == 8


def test_the_engine_applies_an_added_facet_with_text_search(corpus, code_facet):
    found = run(
        "commitments",
        "آب",
        {"language": ["fa-af"], "code": ["MS-03"]},
        language_code="fa-af",
    )
    assert [page.code for page in found.results] == ["MS-03"]


def empty_search(name: str) -> FacetedSearch:
    return FacetedSearch(
        name=name,
        model=CommitmentPage,
        queryset=CommitmentPage.objects.none,
        facets=[],
        template="search/commitments.html",
    )


def test_a_facet_added_before_its_search_is_registered_waits_for_it():
    spec = choice_facet("kind", "Kind", lookup="status", choices=[("a", "A")])
    registry.add_facet("things", spec)
    try:
        registry.register(empty_search("things"))
        assert [s.name for s in registry.get("things").specs] == ["kind"]
    finally:
        registry.unregister("things")


def test_facet_names_are_unique_and_never_reserved():
    status = choice_facet("status", "Status", lookup="status", choices=[])
    with pytest.raises(ImproperlyConfigured):
        registry.add_facet("commitments", status)
    with pytest.raises(ImproperlyConfigured):
        registry.add_facet("commitments", choice_facet("q", "Q", lookup="code", choices=[]))
    with pytest.raises(ImproperlyConfigured):
        registry.register(empty_search("commitments"))


def test_a_facet_over_an_annotation_as_the_registry_docstring_shows(corpus):
    """The pattern monitoring and evaluation follow: annotate, then filter and count."""
    from django.db.models.functions import Substr

    from search.facets import count_by
    from search.registry import FacetSpec

    def with_prefix(queryset):
        return queryset.annotate(code_prefix=Substr("code", 1, 2))

    spec = FacetSpec(
        "prefix",
        "Prefix",
        filter=lambda qs, values: with_prefix(qs).filter(code_prefix__in=values),
        count=lambda qs, selected, language_code: (
            count_by(with_prefix(qs), "code_prefix"),
            {"MS": "Mazar", "AR": "Région", "FR": "France"},
        ),
        accepts=lambda value: value in {"MS", "AR", "FR"},
    )
    registry.add_facet("commitments", spec)
    try:
        every_language = {"language": ["ar", "fr", "fa-af"]}
        found = run("commitments", "", every_language, language_code="fr")
        prefix = next(facet for facet in found.facets if facet.name == "prefix")
        assert {o.label: o.count for o in prefix.options} == {"Mazar": 8, "Région": 8, "France": 5}
        narrowed = run("commitments", "", {**every_language, "prefix": ["FR"]}, language_code="fr")
        assert sorted(page.code for page in narrowed.results) == [f"FR-0{n}" for n in range(1, 6)]
        statuses = next(facet for facet in narrowed.facets if facet.name == "status")
        assert sum(option.count for option in statuses.options) == 5
    finally:
        registry.remove_facet("commitments", "prefix")


def test_a_facet_without_a_count_or_a_value_is_refused():
    with pytest.raises(ImproperlyConfigured, match="needs a count"):
        FacetSpec("orphan", "orphan", filter=lambda queryset, values: queryset)
    # Either is enough: the facet table counts a facet that gives its value or values.
    tags = FacetSpec("tags", "tags", filter=lambda qs, values: qs, values="tags__slug")
    assert tags.count is None
