"""What visitors read: the plans index, a plan with its phases, chart and commitments, a
commitment with its milestones, and commitments listed by theme and by organisation."""

import re

import pytest
from django.utils import timezone

from .factories import TODAY, commitment_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_plan_page_highlights_the_current_phase(client, tree):
    page = html(client, tree["plan"].url)
    current = re.findall(r'<li class="ap-phase ap-phase--(\w+)"( aria-current="step")?', page)
    assert current == [
        ("past", ""),
        ("past", ""),
        ("current", ' aria-current="step"'),
        ("upcoming", ""),
    ]


def test_plan_page_lists_commitments_with_status_and_progress(client, tree):
    page = html(client, tree["plan"].url)
    assert "Commitment C1" in page and "Commitment C2" in page
    assert 'class="ap-badge ap-badge--in_progress"' in page
    assert 'class="ap-badge ap-badge--completed"' in page
    assert "ap-progress__fill ap-w-40" in page
    assert "1 overdue milestone" in page


def test_plan_chart_is_a_readable_table_without_inline_styles(client, tree):
    page = html(client, tree["plan"].url)
    assert "<caption>Commitments by status</caption>" in page
    assert "<caption>Commitments by OGP value</caption>" in page
    # One of two commitments is completed: its bar is half the width, its count in text.
    assert re.search(
        r'ap-chart__fill--completed ap-w-50"></span></div></td>\s*'
        r'<td class="ap-chart__count">1</td>',
        page,
    )
    assert 'style="' not in page


def test_plan_offers_its_data_downloads(client, tree):
    page = html(client, tree["plan"].url)
    assert f'href="{tree["plan"].url}data.csv"' in page
    assert f'href="{tree["plan"].url}data.json"' in page


def test_commitment_page_shows_milestones_with_overdue_marking(client, tree):
    page = html(client, tree["first"].url)
    assert page.count('class="ap-milestone ap-milestone--') == 3
    assert "ap-milestone--overdue" in page
    assert "Overdue by 10 days" in page
    assert '<time datetime="2026-11-12" class="ap-due--overdue">' in page


def test_commitment_page_links_lead_partners_and_themes(client, tree):
    page = html(client, tree["first"].url)
    index_url = tree["index"].url
    assert f'href="{index_url}organisation/{tree["lead"].pk}/">مديرية نظم المعلومات</a>' in page
    assert f'href="{index_url}organisation/{tree["partner"].pk}/">جمعية الشفافية</a>' in page
    assert f"{index_url}theme/" in page and "الميزانية" in page
    assert "Transparency" in page or "الشفافية" in page


def test_commitment_page_keeps_the_comments_section_last(client, tree):
    page = html(client, tree["first"].url)
    assert 'class="container ap-comments"' in page
    assert page.index("ap-comments") > page.index("ap-milestones")


def test_commitment_page_prints_cleanly(client, tree):
    page = html(client, tree["first"].url)
    assert 'class="ap-print-only"' in page
    # The address keeps its own direction inside an Arabic or Dari sentence.
    assert f"<bdi>http://testserver{tree['first'].url}</bdi>" in page
    from pathlib import Path

    from django.conf import settings

    css = Path(settings.BASE_DIR, "static/css/actionplans.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".ap-comments" in print_rules and ".ap-downloads" in print_rules


def test_index_lists_plans_themes_and_organisations(client, tree):
    page = html(client, tree["index"].url)
    assert tree["plan"].title in page
    assert "2 commitments" in page
    assert f"{tree['index'].url}theme/" in page
    assert f"{tree['index'].url}organisation/{tree['lead'].pk}/" in page


def test_theme_listing_shows_only_commitments_with_that_theme(client, tree):
    slug = tree["first"].tags.first().slug
    page = html(client, f"{tree['index'].url}theme/{slug}/")
    assert "Commitment C1" in page
    assert "Commitment C2" not in page
    assert client.get(f"{tree['index'].url}theme/no-such-theme/").status_code == 404


def test_organisation_listing_shows_its_roles(client, tree):
    page = html(client, f"{tree['index'].url}organisation/{tree['partner'].pk}/")
    assert "Commitment C1" in page
    assert "Commitment C2" not in page
    assert "<strong>Partner</strong>" in page


def test_organisation_listing_redirects_to_the_page_language_version(client, tree):
    from accounts.models import Organisation

    from .factories import locales

    english = tree["lead"].copy_for_translation(locales()["en"])
    english.name = "Information systems department"
    english.save()
    french = Organisation.objects.get(
        translation_key=tree["lead"].translation_key, locale__language_code="fr"
    )
    response = client.get(f"{tree['index'].url}organisation/{french.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{tree['index'].url}organisation/{english.pk}/"
    page = html(client, response["Location"])
    assert "<h1>Information systems department</h1>" in page
    assert "Commitment C1" in page


def test_unpublished_commitments_stay_hidden(client, tree):
    draft = commitment_page(tree["plan"], "C3", title="Draft commitment")
    draft.unpublish()
    assert "Draft commitment" not in html(client, tree["plan"].url)
    assert client.get(draft.url).status_code == 404
