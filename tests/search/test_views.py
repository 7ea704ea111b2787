"""Site search, commitment search and autocomplete pages, wired end to end on the fixed corpus.
Pages are requested in English or assert on structure: the translated catalogues are merged
later."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from actionplans.models import CommitmentPage

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [hit.page.title for hit in response.context["hits"]]


def test_site_search_finds_pages_of_the_current_language_only(client, corpus):
    response = client.get("/fa-af/search/", {"q": "شوراي مشورتي"})
    assert response.status_code == 200
    assert titles(response) == ["شورای مشورتی شهروندان"]
    assert client.get("/ar/search/", {"q": "شوراي مشورتي"}).context["hits"] == []


def test_site_search_in_every_language_labels_each_result(client, corpus):
    response = client.get("/ar/search/", {"q": "شوراي مشورتي", "all": "1"})
    [hit] = response.context["hits"]
    assert hit.language == "دری"
    assert 'lang="fa-af"' in response.content.decode()


def test_a_result_shows_type_plan_and_a_marked_snippet(client, corpus):
    response = client.get("/fa-af/search/", {"q": "کتابخانه"})
    hit = next(h for h in response.context["hits"] if h.page.code == "MS-05")
    with translation.override("fa-af"):
        assert hit.kind == str(CommitmentPage._meta.verbose_name)
    assert [(extra.name, extra.page.title) for extra in hit.extras] == [
        ("plan", "پلان عمل شاروالی مزار شریف")
    ]
    marked = [segment.text for segment in hit.snippet if segment.mark]
    assert marked and all("کتابخانه" in text for text in marked)
    html = response.content.decode()
    assert "<mark>" in html
    assert "پلان عمل شاروالی مزار شریف" in html


def test_snippet_marks_words_typed_with_the_other_keyboard(client, corpus):
    response = client.get("/fa-af/search/", {"q": "كتابخانه"})  # Arabic kaf
    hit = next(h for h in response.context["hits"] if h.page.code == "MS-05")
    assert any(segment.mark for segment in hit.snippet)


def test_empty_query_shows_the_form_only(client, corpus):
    response = client.get("/en/search/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["results"] is None
    assert response.context["error"] == ""


def test_over_long_query_gets_a_clear_message(client, corpus):
    response = client.get("/en/search/", {"q": "ش" * 201})
    assert response.status_code == 200
    assert response.context["results"] is None
    assert "too long" in response.context["error"]
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-3", "999999", "1e9", "２"])
def test_bad_page_numbers_never_fail(client, corpus, page):
    assert client.get("/ar/search/", {"q": "المعطيات", "page": page}).status_code == 200
    assert client.get("/ar/search/commitments/", {"page": page}).status_code == 200


def test_query_with_full_text_syntax_characters_is_searched_safely(client, corpus):
    for query in ['"', "'", "*", "AND", "NOT (", 'شورا"ی', "َُ", "\x00شورا", "c'est"]:
        response = client.get("/fa-af/search/", {"q": query})
        assert response.status_code == 200


def test_promoted_results_come_first_for_any_spelling_of_the_query(client, corpus):
    commitment = corpus.commitments["MS-06"]
    query = Query.get("شوراي")
    SearchPromotion.objects.create(
        query=query, page=commitment, description="قراردادهای شاروالی", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/shura",
        external_link_text="Shura",
        sort_order=1,
    )
    response = client.get("/fa-af/search/", {"q": "شورای"})  # Persian yeh
    promotions = response.context["promotions"]
    assert [p.title for p in promotions] == ["شفافیت قراردادهای شاروالی", "Shura"]
    html = response.content.decode()
    assert html.index("شفافیت قراردادهای شاروالی") < html.index("شورای مشورتی شهروندان")
    # The promoted page is not repeated among the ordinary results.
    assert commitment.pk not in [hit.page.pk for hit in response.context["hits"]]


def test_promotion_of_a_page_shows_its_translation_or_nothing(client, corpus):
    SearchPromotion.objects.create(
        query=Query.get("évaluation"), page=corpus.commitments["FR-01"], sort_order=0
    )
    assert [
        p.title for p in client.get("/fr/search/", {"q": "evaluation"}).context["promotions"]
    ] == ["Évaluation participative des services"]
    assert client.get("/ar/search/", {"q": "evaluation"}).context["promotions"] == []


def test_searches_are_counted_for_the_search_terms_report(client, corpus):
    from search import hits

    hits.flush()  # whatever earlier tests counted
    before = Query.get("المعطيات").hits
    client.get("/ar/search/", {"q": "المعطيات"})
    assert Query.get("المعطيات").hits == before  # counted in the cache, not in the request
    hits.flush()  # the task queue's flush_search_hits task does it in production
    assert Query.get("المعطيات").hits == before + 1


def test_editors_can_manage_promoted_results(client, corpus, make_user):
    assert (
        Group.objects.get(name="Editors")
        .permissions.filter(codename="add_searchpromotion")
        .exists()
    )
    editor = make_user(groups=["Editors"])
    client.force_login(editor)
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200


def test_commitment_search_page_has_accessible_facets_and_shareable_filters(client, corpus):
    response = client.get("/en/search/commitments/", {"language": ["ar"], "status": "in_progress"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<fieldset") >= 5
    assert "<legend" in html
    assert 'name="status" value="in_progress" checked' in html
    assert "Clear filters" in html
    assert sorted(hit.page.code for hit in response.context["hits"]) == [
        "AR-01",
        "AR-04",
        "AR-06",
        "AR-07",
    ]


def test_commitment_search_defaults_to_the_page_language(client, corpus):
    response = client.get("/fr/search/commitments/")
    assert sorted(hit.page.code for hit in response.context["hits"]) == [
        f"FR-0{n}" for n in range(1, 6)
    ]
    assert "Clear filters" not in response.content.decode()


def test_malformed_facet_values_are_ignored(client, corpus):
    response = client.get(
        "/ar/search/commitments/",
        {"plan": "not-a-uuid", "status": "bogus", "institution": "1", "language": "xx"},
    )
    assert response.status_code == 200
    assert len(response.context["hits"]) == 8


def test_commitment_search_over_long_query_keeps_the_filters(client, corpus):
    response = client.get(
        "/en/search/commitments/", {"q": "x" * 300, "status": "completed", "language": "ar"}
    )
    assert response.status_code == 200
    assert "too long" in response.context["error"]
    assert sorted(hit.page.code for hit in response.context["hits"]) == ["AR-02", "AR-08"]


def test_pagination_links_keep_the_filters(client, corpus):
    response = client.get(
        "/ar/search/commitments/",
        {
            "language": ["ar", "fa-af", "fr"],
            "status": ["in_progress", "completed", "not_started", "delayed"],
        },
    )
    assert response.context["results"].paginator.num_pages == 2
    html = response.content.decode()
    assert "language=fa-af" in html and "page=2" in html and "status=delayed" in html


def test_autocomplete_suggests_titles_of_the_current_language(client, corpus):
    response = client.get("/fa-af/search/autocomplete/", {"q": "مشارك"})  # Arabic kaf
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["title"] for r in results] == ["مشارکت زنان در بودجه‌سازی"]
    assert results[0]["url"] == corpus.commitments["MS-02"].url
    assert client.get("/ar/search/autocomplete/", {"q": "مشارك"}).json()["results"] == []


def test_autocomplete_matches_the_start_of_a_word(client, corpus):
    results = client.get("/fr/search/autocomplete/", {"q": "evalu"}).json()["results"]
    assert [r["code"] for r in results] == ["FR-01"]


@pytest.mark.parametrize("query", ["", "ش", "َ", "x" * 400])
def test_autocomplete_ignores_too_short_or_too_long_input(client, corpus, query):
    assert client.get("/ar/search/autocomplete/", {"q": query}).json() == {"results": []}


def test_admin_searches_use_the_normalising_backend(client, corpus, make_user):
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "شوراي"})
    assert response.status_code == 200
    assert "شورای مشورتی شهروندان" in response.content.decode()
    response = client.get("/admin/snippets/accounts/organisation/", {"q": "آبرساني"})
    assert response.status_code == 200
    assert "آبرسانی" in response.content.decode()
