"""The demo's co-monitoring history works for the demo accounts."""

from django.test import TestCase

from accounts.models import User
from actionplans.models import ActionPlanPage, CommitmentPage
from actionplans.monitoring.models import Accreditation, ProgressReport
from actionplans.monitoring.rules import can
from tests.demodb import load_demo


class MonitoringDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        cls.region = ActionPlanPage.objects.get(
            code="RMS-PRO-2024-2027", locale__language_code="fr"
        )
        cls.mazar = ActionPlanPage.objects.get(code="MZR-1403-1405")

    def test_two_cso_accredited_on_the_regional_plan_and_one_on_the_dari_plan(self):
        accredited = Accreditation.objects.accredited()
        assert accredited.for_plan(self.region.translation_key).count() == 2
        assert accredited.for_plan(self.mazar.translation_key).count() == 1

    def test_history_has_months_corrections_and_both_voices(self):
        reports = ProgressReport.objects.for_plan(self.region.translation_key)
        dates = sorted(reports.values_list("reported_on", flat=True))
        assert (dates[-1] - dates[0]).days >= 150
        assert reports.filter(corrects__isnull=False).exists()
        assert reports.filter(kind="civil_society").values("organisation").distinct().count() == 2
        dari = ProgressReport.objects.for_plan(self.mazar.translation_key)
        assert dari.filter(kind="civil_society", language="fa-af", corrects__isnull=False).exists()

    def test_french_page_shows_the_disagreement_and_overdue_milestones(self):
        page = CommitmentPage.objects.child_of(self.region).get(code="RMS-07")
        html = self.client.get(page.url).content.decode()
        assert "mon-disagree" in html and "mon-row--overdue" in html

    def test_demo_cso_accounts_can_report_and_citizen_can_follow(self):
        cso = User.objects.get(email="cso@demo.mosharaka.org")
        nahad = User.objects.get(email="nahad@demo.mosharaka.org")
        citizen = User.objects.get(email="citizen@demo.mosharaka.org")
        staff = User.objects.get(email="staff@demo.mosharaka.org")
        rms01 = CommitmentPage.objects.child_of(self.region).get(code="RMS-01")
        mzr = CommitmentPage.objects.child_of(self.mazar).first()
        assert can(cso, "monitoring.add_assessment", rms01)
        assert can(nahad, "monitoring.add_assessment", mzr)
        assert not can(nahad, "monitoring.add_assessment", rms01)
        assert can(staff, "monitoring.add_official_report", rms01)
        assert can(citizen, "monitoring.follow_page", rms01)
        assert not can(citizen, "monitoring.add_assessment", rms01)

    def test_dashboards_render_in_french_and_dari(self):
        for plan in (self.region, self.mazar):
            response = self.client.get(f"/{plan.locale.language_code}/monitoring/plans/{plan.pk}/")
            assert response.status_code == 200
            html = response.content.decode()
            assert "mon-timeline" in html and "mon-periodic" in html

    def test_commitment_search_facets_have_counts_in_every_language(self):
        added = ("civil_society", "disagreement", "completion", "early_results")
        for language in ("ar", "fr", "fa-af"):
            response = self.client.get(f"/{language}/search/commitments/")
            assert response.status_code == 200
            facets = {facet.name: facet for facet in response.context["facets"]}
            empty = [name for name in added if not sum(o.count for o in facets[name].options)]
            assert not empty, (language, empty)
