def test_empty_search_shows_the_form_without_results(client, home_pages):
    response = client.get("/fr/search/")
    assert response.status_code == 200
    assert response.context["results"] is None


def test_over_long_query_gets_a_clear_message(client, home_pages):
    response = client.get("/fr/search/", {"q": "x" * 500})
    assert response.status_code == 200
    assert "trop longue" in response.content.decode()


def test_search_finds_pages_of_the_current_language(client, home_pages):
    response = client.get("/fr/search/", {"q": "Accueil"})
    titles = [page.title for page in response.context["results"]]
    assert "Accueil" in titles
    assert "خانه" not in titles
