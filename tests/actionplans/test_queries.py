"""Pages and downloads run the same number of queries whatever the number of commitments and
milestones: measured with 5 and with 50 commitments (and more milestones each)."""

from datetime import timedelta

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from .factories import (
    TODAY,
    commitment_page,
    english_home,
    index_page,
    milestone,
    organisation,
    plan_page,
)


def build(home, slug: str, commitments: int, milestones: int, organisations: list):
    index = index_page(home, slug=slug)
    plan = plan_page(index, code=slug.upper())
    pages = []
    for n in range(commitments):
        lead, *partners = (organisations[(n + k) % len(organisations)] for k in range(3))
        pages.append(
            commitment_page(
                plan,
                f"C{n}",
                lead=lead,
                partners=partners,
                values=("transparency", "inclusion") if n % 2 else ("civic_participation",),
                tags=[f"theme-{n % 4}", "shared"],
                milestones=[
                    milestone(
                        m,
                        due=TODAY + timedelta(days=30 * (m - 2)),
                        responsible=organisations[m % len(organisations)],
                    )
                    for m in range(milestones)
                ],
            )
        )
    return {"index": index, "plan": plan, "commitments": pages}


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = english_home()
        organisations = [
            organisation(f"منظمة {n}", kind="cso", fr=f"Organisation {n}") for n in range(4)
        ]
        organisations += [organisation(f"مديرية {n}") for n in range(3)]
        cls.small = build(home, "small", 5, 2, organisations)
        cls.large = build(home, "large", 50, 6, organisations)
        cls.organisation = organisations[0]

    def count(self, url) -> int:
        self.client.get(url)  # warm the per-process caches (site root paths, locales)
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(context.captured_queries)

    def assert_constant(self, path):
        small, large = self.count(path(self.small)), self.count(path(self.large))
        self.assertEqual(small, large, f"{small} queries for 5 commitments, {large} for 50")
        self.assertLess(large, 40)

    def test_plan_page(self):
        self.assert_constant(lambda tree: tree["plan"].url)

    def test_csv_download(self):
        self.assert_constant(lambda tree: tree["plan"].url + "data.csv")

    def test_json_download(self):
        self.assert_constant(lambda tree: tree["plan"].url + "data.json")

    def test_plans_index(self):
        self.assert_constant(lambda tree: tree["index"].url)

    def test_theme_listing(self):
        self.assert_constant(lambda tree: tree["index"].url + "theme/shared/")

    def test_organisation_listing(self):
        pk = self.organisation.pk
        self.assert_constant(lambda tree: tree["index"].url + f"organisation/{pk}/")

    def test_commitment_page_with_2_or_6_milestones(self):
        self.assert_constant(lambda tree: tree["commitments"][-1].url)
