"""Editors: the partner-organisation checklist offers the page's language only; a draft that
was never published (an abandoned "new commitment" form) does not hold its code; the slug
message reads in the editor's language with the slug isolated."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from actionplans.models import CommitmentPage
from tests.actionplans.factories import commitment_page, index_page, organisation, plan_page
from tests.actionplans.test_admin import commitment_form


class EditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = index_page()
        cls.plan = plan_page(cls.index)
        cls.lead = organisation("جمعية الشفافية", kind="cso", fr="Association Transparence")
        cls.commitment = commitment_page(cls.plan, "C1", lead=cls.lead, partners=[cls.lead])

    def setUp(self):
        self.user = self.login()

    def set_admin_language(self, language):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = language
        profile.save()

    def add_url(self):
        args = ["actionplans", "commitmentpage", self.plan.pk]
        return reverse("wagtailadmin_pages:add", args=args)

    def test_partner_checklist_lists_the_pages_language_only(self):
        from accounts.models import Organisation

        french = Organisation.objects.get(
            translation_key=self.lead.translation_key, locale__language_code="fr"
        )
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.commitment.pk])
        for url in (self.add_url(), edit_url):
            form = self.client.get(url).context["form"]
            partners = set(form.fields["partners"].queryset.values_list("pk", flat=True))
            leads = set(form.fields["lead_institution"].queryset.values_list("pk", flat=True))
            self.assertIn(self.lead.pk, partners)
            self.assertNotIn(french.pk, partners)
            self.assertNotIn(french.pk, leads)

    def test_a_never_published_draft_does_not_hold_its_code(self):
        abandoned = CommitmentPage(
            title="مسودة", slug="abandoned", code="RMS-11", live=False, problem="-", objective="-"
        )
        self.plan.add_child(instance=abandoned)
        abandoned.save_revision()
        data = commitment_form(code="RMS-11", slug="rms-11")
        response = self.client.post(self.add_url(), data)
        errors = response.context["form"].errors if response.status_code == 200 else None
        self.assertEqual(response.status_code, 302, errors)
        self.assertTrue(CommitmentPage.objects.filter(slug="rms-11", code="RMS-11").exists())

    def test_a_published_commitment_still_holds_its_code(self):
        response = self.client.post(self.add_url(), commitment_form(code="C1", slug="another"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("code", response.context["form"].errors)

    def test_slug_message_is_in_arabic_with_the_slug_isolated(self):
        self.set_admin_language("ar")
        response = self.client.post(self.add_url(), commitment_form(code="C2", slug="c1"))
        self.assertEqual(response.status_code, 200)
        errors = " ".join(response.context["form"].errors.get("slug", []))
        self.assertIn("\u2068c1\u2069", errors)
        self.assertIn("مستعمل من قبل", errors)
        self.assertNotIn("already in use", errors)
