from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from actionplans.models import ActionPlanIndexPage
from consultations.models import ConsultationIndexPage
from home.demo.files import aware
from home.models import (
    DocumentsPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from home.pagetree import add_child


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_allows_the_site_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                NewsIndexPage,
                EventIndexPage,
                DocumentsPage,
                ActionPlanIndexPage,
                ConsultationIndexPage,
            },
        )

    def test_news_and_events_live_only_under_their_indexes(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())


class ContentPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(depth=2)
        cls.events = add_child(cls.home, EventIndexPage(title="Events", slug="events"))
        cls.workshop = add_child(
            cls.events,
            EventPage(
                title="Co-creation workshop",
                slug="workshop",
                start=aware(timezone.localdate() + timedelta(days=3), 9, 30),
                agenda=[
                    ("item", {"start": "09:30", "end": "10:00", "item": "Welcome", "speakers": ""}),
                    ("item", {"start": "10:00", "end": None, "item": "Drafting", "speakers": ""}),
                ],
            ),
        )
        cls.about = add_child(cls.home, StandardPage(title="About", slug="about"))

    def setUp(self):
        self.login()

    def test_event_page_renders_its_agenda(self):
        self.assertPageIsRenderable(self.workshop)
        response = self.client.get(self.workshop.url)
        self.assertContains(response, "Welcome")
        self.assertContains(response, "09:30–10:00")

    def test_upcoming_event_is_listed_on_the_home_page(self):
        response = self.client.get(self.home.url)
        self.assertContains(response, "Co-creation workshop")

    def test_the_council_is_named_once_in_each_title(self):
        self.home.council_name = "Conseil de démonstration"
        self.home.save()
        self.assertContains(
            self.client.get(self.home.url), "<title>Conseil de démonstration</title>"
        )
        self.assertContains(
            self.client.get(self.about.url), "<title>About · Conseil de démonstration</title>"
        )

    def test_a_section_with_its_own_contact_shows_none_of_the_sites_channels(self):
        from wagtail.models import Site

        from home.models import SiteSettings

        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.email, settings.facebook_url = "council@example.org", "https://facebook.example/c"
        settings.save()
        page = self.client.get(self.about.url).content.decode()
        assert "council@example.org" in page and "https://facebook.example/c" in page
        self.home.contact_email = "municipality@example.org"
        self.home.save()
        page = self.client.get(self.about.url).content.decode()
        assert "municipality@example.org" in page
        assert "council@example.org" not in page and "facebook.example" not in page

    def test_pages_are_editable_and_previewable_in_the_admin(self):
        self.assertPageIsEditable(self.events)
        self.assertPageIsEditable(
            self.about,
            post_data=nested_form_data(
                {
                    "title": "About us",
                    "slug": "about",
                    "intro": "",
                    "body": streamfield([("paragraph", rich_text("<p>Who we are.</p>"))]),
                }
            ),
        )
        self.assertPageIsPreviewable(self.events)
        self.assertPageIsPreviewable(
            self.home,
            post_data=nested_form_data(
                {
                    "title": "Home",
                    "slug": "home",
                    "council_name": "Regional council",
                    "tagline": "",
                    "address": "",
                    "intro": "",
                    "body": streamfield([]),
                }
            ),
        )

    def test_editor_can_create_a_standard_page_through_the_admin(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Open data",
                    "slug": "open-data",
                    "intro": "How to reuse our data",
                    "body": streamfield([("paragraph", rich_text("<p>CSV and JSON.</p>"))]),
                }
            ),
        )

    def test_event_cannot_end_before_it_starts(self):
        self.workshop.end = self.workshop.start - timedelta(hours=1)
        with self.assertRaises(ValidationError) as caught:
            self.workshop.full_clean()
        self.assertIn("end", caught.exception.message_dict)
