"""An editor's "Translate" must not put an untranslated copy live: the translation is a draft
until the translator publishes it."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils

from actionplans.models import CommitmentPage
from home.pagetree import translate
from tests.actionplans.factories import arabic_home, commitment_page, index_page, plan_page


class NewTranslationIsADraftTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        home = arabic_home()
        cls.french = Locale.objects.get(language_code="fr")
        translate(home, "fr", title="Accueil", slug="accueil")
        cls.index = index_page(home)
        cls.plan = plan_page(cls.index)
        french_index = translate(cls.index, "fr", title="Programmes")
        cls.french_plan = translate(cls.plan, "fr", title="Programme d'ouverture")
        assert cls.french_plan.get_parent().pk == french_index.pk
        cls.commitment = commitment_page(cls.plan, "NEW-1", title="التزام جديد")

    def test_translate_makes_a_draft_that_the_french_plan_does_not_show(self):
        self.login()
        url = reverse("wagtail_localize:submit_page_translation", args=[self.commitment.pk])
        response = self.client.post(url, {"locales": [self.french.pk]})
        self.assertEqual(response.status_code, 302)
        french = CommitmentPage.objects.get(
            translation_key=self.commitment.translation_key, locale=self.french
        )
        self.assertFalse(french.live)
        self.client.logout()
        self.assertEqual(self.client.get(french.url).status_code, 404)
        plan_html = self.client.get(self.french_plan.url).content.decode()
        self.assertNotIn("التزام جديد", plan_html)

        # Once translated and published, it is public.
        french.save_revision().publish()
        self.assertContains(self.client.get(self.french_plan.url), french.title)
