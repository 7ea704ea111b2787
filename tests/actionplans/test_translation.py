"""Editors translate a plan and its commitments with wagtail-localize, as in the admin: the
milestones and phases (translatable inline children) and the organisations (translatable
snippets) are translated with them and keep their translation keys."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from accounts.models import Organisation
from actionplans.models import ActionPlanPage, CommitmentPage, Milestone, PlanPhase
from home.pagetree import translate

from .factories import (
    TODAY,
    arabic_home,
    commitment_page,
    index_page,
    milestone,
    organisation,
    plan_page,
)


class LocalizeTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        home = arabic_home()
        cls.french = Locale.objects.get(language_code="fr")
        translate(home, "fr", title="Accueil")
        cls.index = index_page(home)
        cls.plan = plan_page(cls.index)
        cls.lead = organisation("مديرية نظم المعلومات")  # no French version yet
        cls.partner = organisation("جمعية الشفافية", kind="cso", fr="Association Transparence")
        cls.commitment = commitment_page(
            cls.plan,
            "C1",
            lead=cls.lead,
            partners=[cls.partner],
            milestones=[
                milestone(1, due=TODAY, deliverable="نشر الميزانية", responsible=cls.lead),
                milestone(2, due=TODAY, deliverable="تكوين الجمعيات"),
            ],
            tags=["الميزانية"],
        )

    def setUp(self):
        self.login()

    def submit(self, page, subtree=True):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        data = {"locales": [self.french.pk]}
        if subtree:
            data["include_subtree"] = "on"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)

    def french_commitment(self) -> CommitmentPage:
        return CommitmentPage.objects.get(
            translation_key=self.commitment.translation_key, locale=self.french
        )

    def test_translating_the_index_with_its_subtree_translates_plan_and_commitments(self):
        self.submit(self.index)
        plan = ActionPlanPage.objects.get(
            translation_key=self.plan.translation_key, locale=self.french
        )
        commitment = self.french_commitment()
        self.assertEqual(commitment.get_parent().specific, plan)
        # Phases and milestones are copied into French with the same translation keys.
        self.assertEqual(
            sorted(p.translation_key for p in PlanPhase.objects.filter(plan=plan)),
            sorted(p.translation_key for p in PlanPhase.objects.filter(plan=self.plan)),
        )
        self.assertEqual({p.locale for p in plan.phases.all()}, {self.french})
        keys = [m.translation_key for m in self.commitment.milestones.all()]
        self.assertEqual([m.translation_key for m in commitment.milestones.all()], keys)
        self.assertEqual({m.locale for m in commitment.milestones.all()}, {self.french})
        # Codes and OGP values are the same in every language.
        self.assertEqual(commitment.code, "C1")
        self.assertEqual(list(commitment.ogp_values.all()), list(self.commitment.ogp_values.all()))

    def test_milestone_deliverables_are_strings_to_translate(self):
        self.submit(self.index)
        source = Translation.objects.get(
            source__object_id=self.commitment.translation_key, target_locale=self.french
        ).source
        texts = set(
            StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
        )
        self.assertIn("نشر الميزانية", texts)
        self.assertIn("تكوين الجمعيات", texts)
        self.assertNotIn("C1", texts)  # a code is not translated

    def test_translated_deliverable_reaches_the_french_milestone(self):
        self.submit(self.index)
        translation = Translation.objects.get(
            source__object_id=self.commitment.translation_key, target_locale=self.french
        )
        segment = StringSegment.objects.get(source=translation.source, string__data="نشر الميزانية")
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=self.french,
            context=segment.context,
            data="Publier le budget",
            translation_type="manual",
        )
        translation.save_target(publish=True)
        french = self.french_commitment()
        first = french.milestones.first()
        self.assertEqual(first.deliverable, "Publier le budget")
        self.assertEqual(first.translation_key, self.commitment.milestones.first().translation_key)

    def test_organisations_are_translated_with_the_commitment(self):
        self.submit(self.index)
        french = self.french_commitment()
        # The lead institution had no French version: wagtail-localize made one, same key.
        self.assertEqual(french.lead_institution.locale, self.french)
        self.assertEqual(french.lead_institution.translation_key, self.lead.translation_key)
        self.assertEqual(french.milestones.first().responsible, french.lead_institution)

    def test_french_themes_survive_a_resync_from_the_arabic_source(self):
        self.submit(self.index)
        french = self.french_commitment()
        french.tags.set(["budget"])
        french.save_revision().publish()
        self.commitment.code = "C1-bis"
        self.commitment.save_revision().publish()
        Translation.objects.get(
            source__object_id=self.commitment.translation_key, target_locale=self.french
        ).source.update_from_db()
        Translation.objects.get(
            source__object_id=self.commitment.translation_key, target_locale=self.french
        ).save_target(publish=True)
        french = self.french_commitment()
        self.assertEqual(list(french.tags.names()), ["budget"])
        self.assertEqual(french.code, "C1-bis")

    def test_french_commitment_opens_in_the_translation_editor(self):
        self.submit(self.index)
        url = reverse("wagtailadmin_pages:edit", args=[self.french_commitment().pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        # The translator sees each milestone's deliverable as a string to translate.
        key = self.commitment.milestones.first().translation_key
        self.assertContains(response, f"milestones.{key}.deliverable")

    def test_organisation_snippet_translates_through_the_admin(self):
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["accounts", "organisation", self.lead.pk],
        )
        response = self.client.post(url, {"locales": [self.french.pk]})
        self.assertEqual(response.status_code, 302)
        french = Organisation.objects.get(
            translation_key=self.lead.translation_key, locale=self.french
        )
        self.assertEqual(french.kind, self.lead.kind)

    def test_milestone_keys_stay_unique_per_language(self):
        self.submit(self.index)
        for key in Milestone.objects.values_list("translation_key", flat=True).distinct():
            locales = Milestone.objects.filter(translation_key=key).values_list("locale", flat=True)
            self.assertEqual(len(locales), len(set(locales)))
