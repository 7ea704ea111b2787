"""The demo shows a complete plan in Arabic and French, and a Dari plan for Mazar-i-Sharif; its
dates follow the day it is loaded, so loaded a year from now it tells the same story."""

import csv
import io
from datetime import timedelta

from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import timezone

from actionplans.models import ActionPlanIndexPage, ActionPlanPage, CommitmentPage, Milestone
from consultations.commentable import CommentingState, commenting_state
from consultations.models import Comment, ConsultationPage
from home.demo.files import aware
from tests.demodb import load_demo

# The demo is loaded as if today were a year from now: a demo of its own.
TODAY = timezone.localdate() + timedelta(days=365)


class DemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # With the site's rate limits at their tightest: the command's own authors are not
        # visitors (a second `make demo` within minutes used to stop at the eleventh comment).
        with override_settings(MOSHARAKA_RATE_LIMITS={"comment": (1, 600), "report": (1, 3600)}):
            load_demo(today=TODAY.isoformat())
            assert settings.MOSHARAKA_RATE_LIMITS["comment"] == (1, 600)  # restored after

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
        assert milestones.overdue(TODAY).count() == 8
        assert Milestone.objects.filter(locale__language_code="fa-af").overdue(TODAY).exists()

    def test_a_year_from_now_consultations_are_open_closed_and_answered_as_today(self):
        noon = aware(TODAY, 12)
        states = {
            page.slug: commenting_state(page, noon)
            for page in ConsultationPage.objects.filter(locale__language_code="ar")
        }
        assert states == {
            "charte-participation": CommentingState.OPEN,
            "programme-region-ouverte-2023": CommentingState.CLOSED,
            "cadre-suivi-mi-parcours": CommentingState.CLOSED,
        }
        dari = ConsultationPage.objects.get(locale__language_code="fa-af")
        assert commenting_state(dari, noon) == CommentingState.OPEN
        assert (
            commenting_state(dari, timezone.now()) == CommentingState.UPCOMING
        )  # loaded for a later day
        closed = ConsultationPage.objects.get(
            slug="programme-region-ouverte-2023", locale__language_code="ar"
        )
        answered = Comment.objects.filter(target_key=closed.translation_key)
        assert answered.count() == 5
        assert all(c.response.is_published and c.response.published_at < noon for c in answered)
        charter = ConsultationPage.objects.get(
            slug="charte-participation", locale__language_code="ar"
        )
        posted = Comment.objects.filter(target_key=charter.translation_key)
        assert all(charter.opens_at <= c.created_at <= noon for c in posted)

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
