"""Assessments and feedback belong to the commitment, not to one language version: written on
the Arabic commitment, they show on the French one, labelled with their language."""

from home.pagetree import translate
from tests.actionplans.factories import commitment_page, index_page, plan_page

from .conftest import assess, give, new_round


def test_results_show_on_every_language_version(client, home_pages, users):
    index = index_page(home_pages["ar"], slug="baramij")
    plan = plan_page(index, slug="albarnamaj")
    commitment = commitment_page(plan, "C1", title="بوابة المعطيات")
    translate(index, "fr", title="Programmes", slug="programmes")
    plan_fr = translate(plan, "fr", title="Programme", slug="programme")
    translate(commitment, "fr", title="Portail des données", slug="c1")
    evaluation_round = new_round(plan_fr, evaluators=[users["evaluator"]])
    assess(users["evaluator"], evaluation_round, commitment, narrative="كتب بالعربية")
    give(users["citizen"], evaluation_round, commitment, rating=2, body="رأي مواطن")
    evaluation_round.state = "published"
    evaluation_round.save()

    key = commitment.translation_key
    french = client.get(f"/fr/evaluation/{evaluation_round.pk}/{key}/").content.decode()
    assert "Portail des données" in french and "بوابة المعطيات" not in french
    assert "كتب بالعربية" in french
    assert 'lang="ar"' in french  # the assessment is marked as written in Arabic
    # Labels end as the language punctuates them: a space before the colon in French.
    assert "<dt>Vérifiable\xa0:</dt>" in french
    arabic = client.get(f"/ar/evaluation/{evaluation_round.pk}/{key}/").content.decode()
    assert "بوابة المعطيات" in arabic and "كتب بالعربية" in arabic
    table = client.get(f"/fr/evaluation/{evaluation_round.pk}/").content.decode()
    assert "Programme" in table and "Portail des données" in table
