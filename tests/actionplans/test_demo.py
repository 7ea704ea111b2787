"""The demo shows a complete plan in Arabic and French, and a Dari plan for Mazar-i-Sharif."""

import csv
import io
from datetime import date

from django.core.management import call_command
from django.test import TestCase

from actionplans.models import ActionPlanIndexPage, ActionPlanPage, CommitmentPage, Milestone

TODAY = date(2026, 11, 22)


class DemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO())

    def test_regional_plan_is_complete_in_arabic_and_french(self):
        for language in ("ar", "fr"):
            plan = ActionPlanPage.objects.get(locale__language_code=language)
            assert plan.framework == "open_collectivities"
            assert plan.current_phase(TODAY).kind == ("implementation")
            commitments = CommitmentPage.objects.child_of(plan).live()
            assert commitments.count() >= 8
            for commitment in commitments:
                assert 3 <= commitment.milestones.count() <= 6, commitment.code
                assert commitment.lead_institution.locale == plan.locale
                assert all(p.locale == plan.locale for p in commitment.partners.all())
            values = set(commitments.values_list("ogp_values__code", flat=True))
            assert len(values) == 6
        assert ActionPlanIndexPage.objects.filter(show_in_menus=True).count() == 3

    def test_french_milestones_are_translations_not_copies(self):
        arabic = CommitmentPage.objects.get(locale__language_code="ar", code="RMS-01")
        french = CommitmentPage.objects.get(locale__language_code="fr", code="RMS-01")
        assert french.translation_key == arabic.translation_key
        pairs = list(zip(arabic.milestones.all(), french.milestones.all(), strict=True))
        for source, translation in pairs:
            assert source.translation_key == translation.translation_key
            assert source.deliverable != translation.deliverable
            assert translation.locale.language_code == "fr"
        assert set(french.tags.names()) == {"budget", "données ouvertes"}

    def test_some_milestones_are_done_some_under_way_some_overdue(self):
        milestones = Milestone.objects.filter(locale__language_code="ar")
        assert milestones.filter(status="completed").exists()
        assert milestones.filter(status="in_progress").exists()
        assert milestones.overdue(TODAY).count() >= 3

    def test_dari_plan_uses_persian_letters_and_afghanis(self):
        plan = ActionPlanPage.objects.get(locale__language_code="fa-af")
        commitments = CommitmentPage.objects.child_of(plan)
        assert commitments.count() == 4
        for commitment in commitments:
            assert commitment.budget_currency == "AFN"
            assert commitment.milestones.count() == 3
            text = commitment.title + commitment.problem + commitment.objective
            assert "ي" not in text and "ك" not in text  # Arabic yeh and kaf
        assert "ی" in plan.title

    def test_demo_data_download_opens_with_arabic_intact(self):
        plan = ActionPlanPage.objects.get(locale__language_code="ar")
        response = self.client.get(plan.url + "data.csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) >= 30
        assert rows[0]["commitment_title"] == "بوابة البيانات المفتوحة لميزانية الجهة"

    def test_open_data_page_links_the_downloads(self):
        for path in ("/ar/open-data/", "/fr/open-data/"):
            html = self.client.get(path).content.decode()
            assert "data.csv" in html and "data.json" in html and "CC BY 4.0" in html


class DemoPublicPagesTests(TestCase):
    """Every public address of the demo answers as it did before the redesign of issue 8: each
    live page and each sub-route (themes, organisations, paragraphs, open data, searches)
    answers 200, a comment's permalink redirects to its thread, and exports stay private."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO())

    def assert_status(self, urls, expected):
        answers = {url: self.client.get(url).status_code for url in urls}
        assert {url: code for url, code in answers.items() if code != expected} == {}
        return answers

    def test_every_live_page_and_sub_route_answers(self):
        from wagtail.models import Page

        from consultations.models import Comment, ConsultationPage

        pages = [page.specific for page in Page.objects.live().public().filter(depth__gt=1)]
        urls = [page.url for page in pages]
        for page in pages:
            if isinstance(page, ActionPlanIndexPage):
                commitments = CommitmentPage.objects.live().descendant_of(page)
                slugs = set(commitments.values_list("tags__slug", flat=True)) - {None}
                urls += [page.url + page.reverse_subpage("theme", args=[s]) for s in slugs]
                leads = set(commitments.values_list("lead_institution", flat=True)) - {None}
                urls += [page.url + page.reverse_subpage("organisation", args=[o]) for o in leads]
            elif isinstance(page, ActionPlanPage):
                urls += [page.url + "data.csv", page.url + "data.json"]
            elif isinstance(page, ConsultationPage):
                urls += [page.paragraph_url(p) for p in page.paragraphs.values()]
        for language in ("ar", "fr", "en", "fa-af"):
            urls += [
                f"/{language}/search/?q=budget",
                f"/{language}/search/commitments/",
                f"/{language}/search/commitments/?status=in_progress&language=ar&language=fr",
                f"/{language}/search/autocomplete/?q=بر",
            ]
        urls += ["/sitemap.xml", "/api/v2/pages/?type=actionplans.CommitmentPage&fields=*"]
        answers = self.assert_status(urls, 200)
        assert len(answers) > 100  # the walk reached the whole demo, not a few pages
        comments = Comment.objects.filter(status=Comment.Status.PUBLISHED)[:10]
        self.assert_status([f"/fr/comments/{comment.pk}/" for comment in comments], 302)
        consultations = ConsultationPage.objects.live()
        self.assert_status([page.url + "export/" for page in consultations], 403)
        self.assert_status(["/fr/no-such-page/", "/ar/no-such-page/"], 404)
