"""The demo builds from its data files: every page of every language answers, translations are
linked, and running `load_demo` again keeps what is there."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase
from wagtail.models import ModelLogEntry, Page

from accounts.models import Organisation, User
from consultations.models import Comment, CommentReport, CommentResponse
from tests.demodb import load_demo

REGION = [
    "",
    "about/",
    "news/",
    "news/workshop-co-creation/",
    "news/programme-adopted/",
    "news/midterm-review/",
    "events/",
    "events/co-creation-workshop/",
    "events/midterm-review-meeting/",
    "documents/",
    "programmes/",
    "programmes/open-region-2024-2027/",
    *(
        f"programmes/open-region-2024-2027/{slug}/"
        for slug in (
            "open-budget-data",
            "council-sessions",
            "complaints-service",
            "petitions-platform",
            "youth-council",
            "gender-budgeting",
            "open-procurement",
            "access-to-information",
            "participatory-monitoring",
            "rural-digital-inclusion",
        )
    ),
    "open-data/",
    "consultations/",
    "consultations/charte-participation/",
    "consultations/programme-region-ouverte-2023/",
    "consultations/cadre-suivi-mi-parcours/",
]
MAZAR = [
    "",
    "about-mazar/",
    "khabarha/",
    "khabarha/tafahomnama/",
    "khabarha/nazarkhahi/",
    "barnamaha/",
    "barnamaha/jalasa-guzarish/",
    "asnad/",
    "plan-ha/",
    "plan-ha/shafafiyat-1403-1405/",
    *(
        f"plan-ha/shafafiyat-1403-1405/{slug}/"
        for slug in (
            "nazarkhahi-plan-shahri",
            "shikayat-shuraha-guzar",
            "awayid-wa-masarif",
            "ishtirak-zanan",
        )
    ),
    "dadah-baz/",
    "nazarkhahi-ha/",
    "nazarkhahi-ha/plan-shahri/",
]
# Every page of the demo, by language, as the demo had them before it moved to data files.
PAGES = {
    "ar": [f"/ar/{path}" for path in REGION],
    "fr": [f"/fr/{path}" for path in REGION],
    "en": ["/en/", "/en/about/", "/en/news/", "/en/events/", "/en/consultations/"],
    "fa-af": [f"/fa-af/{path}" for path in MAZAR],
}
DOWNLOADS = [
    "/ar/programmes/open-region-2024-2027/data.csv",
    "/fr/programmes/open-region-2024-2027/data.json",
    "/fa-af/plan-ha/shafafiyat-1403-1405/data.csv",
]


# The walks below send a request for every page over data they do not change (tests/writes.py).
@pytest.mark.usefixtures("kept_until_a_write")
class DemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_the_demo_has_exactly_its_pages_in_every_language(self):
        for language, urls in PAGES.items():
            pages = Page.objects.live().filter(depth__gte=2, locale__language_code=language)
            assert sorted(page.url for page in pages) == sorted(urls), language

    def test_every_page_and_download_answers(self):
        for url in [url for urls in PAGES.values() for url in urls] + DOWNLOADS:
            assert self.client.get(url).status_code == 200, url

    def test_every_sub_route_search_and_redirect_answers_as_before(self):
        """Beyond the pages: themes, organisations, draft paragraphs, searches with shared-link
        parameters, comment permalinks (a redirect to the thread), and exports kept private."""
        from actionplans.models import ActionPlanIndexPage, CommitmentPage
        from consultations.models import ConsultationPage

        def answers(urls):
            return {url: self.client.get(url).status_code for url in urls}

        urls = []
        for index in ActionPlanIndexPage.objects.live():
            commitments = CommitmentPage.objects.live().descendant_of(index)
            slugs = set(commitments.values_list("tags__slug", flat=True)) - {None}
            urls += [index.url + index.reverse_subpage("theme", args=[s]) for s in slugs]
            leads = set(commitments.values_list("lead_institution", flat=True)) - {None}
            urls += [index.url + index.reverse_subpage("organisation", args=[o]) for o in leads]
        consultations = list(ConsultationPage.objects.live())
        for page in consultations:
            urls += [page.paragraph_url(p) for p in page.paragraphs.values()]
        for language in ("ar", "fr", "en", "fa-af"):
            urls += [
                f"/{language}/search/?q=budget",
                f"/{language}/search/commitments/",
                f"/{language}/search/commitments/?status=in_progress&language=ar&language=fr",
                f"/{language}/search/autocomplete/?q=بر",
            ]
        urls += ["/sitemap.xml", "/api/v2/pages/?type=actionplans.CommitmentPage&fields=*"]
        found = answers(urls)
        assert {url: code for url, code in found.items() if code != 200} == {}
        assert len(found) > 60  # the walk reached every route, not a few
        comments = Comment.objects.filter(status=Comment.Status.PUBLISHED)[:10]
        permalinks = answers(f"/fr/comments/{comment.pk}/" for comment in comments)
        assert permalinks and set(permalinks.values()) == {302}
        exports = answers(page.url + "export/" for page in consultations)
        assert exports and set(exports.values()) == {403}
        assert set(answers(["/fr/no-such-page/", "/ar/no-such-page/"]).values()) == {404}

    def test_translations_share_a_translation_key(self):
        by_url = {page.url: page for page in Page.objects.filter(depth__gte=2)}
        for path in REGION[:5] + ["programmes/open-region-2024-2027/", "open-data/"]:
            arabic, french = by_url[f"/ar/{path}"], by_url[f"/fr/{path}"]
            assert arabic.translation_key == french.translation_key, path
            assert arabic.title != french.title, path
        assert by_url["/fa-af/"].translation_key == by_url["/ar/"].translation_key
        assert by_url["/en/about/"].translation_key == by_url["/ar/about/"].translation_key

    def test_accounts_and_organisations(self):
        users = User.objects.filter(email__endswith="@demo.mosharaka.org")
        assert users.count() == 10
        for user in users:
            assert user.check_password("mosharaka-demo"), user.email
            assert user.emailaddress_set.filter(verified=True, primary=True).exists()
        assert User.objects.get(username="admin").is_superuser
        assert set(User.objects.get(username="editor").groups.values_list("name", flat=True)) == {
            "Editors"
        }
        cso = User.objects.get(username="cso").memberships.get()
        assert cso.organisation.acronym == "" and cso.organisation.locale.language_code == "ar"
        association = Organisation.objects.filter(translation_key=cso.organisation.translation_key)
        assert set(association.values_list("acronym", flat=True)) == {"", "ATPC"}
        assert Organisation.objects.count() == 28

    def test_comments_reports_and_answers_are_in_the_audit_log(self):
        # 20 from consultations' data files, 6 citizen feedback comments from the evaluation demo.
        assert Comment.objects.count() == 26
        for comment in Comment.objects.all():
            entry = ModelLogEntry.objects.get(
                object_id=str(comment.pk), action="consultations.comment.post"
            )
            assert entry.user_id == comment.author_id
        report = CommentReport.objects.get()
        assert ModelLogEntry.objects.filter(
            object_id=str(report.comment_id), action="consultations.comment.report"
        ).exists()
        published = CommentResponse.objects.filter(status=CommentResponse.Status.PUBLISHED)
        assert published.count() == 5 and CommentResponse.objects.count() == 6
        for response in published:
            entries = ModelLogEntry.objects.filter(object_id=str(response.comment_id))
            actions = dict(entries.values_list("action", "user__username"))
            assert actions["consultations.response.draft"] == "staff"
            assert actions["consultations.response.publish"] == "editor"

    def test_running_it_again_keeps_the_demo(self):
        pages, users = Page.objects.count(), User.objects.count()
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        assert "already loaded" in out.getvalue()
        assert (Page.objects.count(), User.objects.count()) == (pages, users)

    def test_a_day_that_is_not_a_date_is_refused_with_a_message(self):
        with pytest.raises(CommandError, match="YYYY-MM-DD"):
            call_command("load_demo", today="next year", stdout=io.StringIO())
