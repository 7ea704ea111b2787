"""The admin, driven as an editor would: creating, editing and previewing plans and
commitments, and bad input refused with a clear message on the right field."""

from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from actionplans.models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    CommitmentPage,
    Milestone,
    OGPValue,
)
from home.models import HomePage, StandardPage

from .factories import commitment_page, index_page, organisation, plan_page


def milestone_form(**overrides) -> dict:
    data = {
        "deliverable": "Publish the 2025 budget as CSV",
        "responsible": "",
        "start_date": "2025-01-01",
        "due_date": "2025-06-30",
        "weight": "1",
    }
    data.update(overrides)
    return data


def commitment_form(milestones=(), initial=0, multiple=None, **overrides) -> dict:
    data = {
        "title": "Open budget data",
        "slug": "open-budget-data",
        "code": "C9",
        "status": "in_progress",
        "progress": "40",
        "intro": "",
        "problem": "Budgets are scanned PDFs.",
        "objective": "Publish budgets as open data.",
        "expected_results": "",
        "lead_institution": "",
        "contact_name": "",
        "contact_email": "",
        "tags": "budget, open data",
        "start_date": "2024-01-01",
        "end_date": "2026-12-31",
        "budget": "1800000",
        "budget_currency": "MAD",
        "comments_open": "on",
        "milestones": inline_formset(list(milestones), initial=initial),
    }
    data.update(overrides)
    data = nested_form_data(data)
    # Multiple-choice fields post one value per choice; nested_form_data would number them.
    data.update(multiple or {})
    return data


def plan_form(**overrides) -> dict:
    data = {
        "title": "Open Region programme",
        "slug": "open-region",
        "framework": "open_collectivities",
        "code": "RMS-2024",
        "period_start": "2024-01-01",
        "period_end": "2027-12-31",
        "intro": "",
        "vision": rich_text("<p>An open region.</p>"),
        "phases": inline_formset(
            [
                {
                    "kind": "implementation",
                    "start": "2024-01-01",
                    "end": "2027-12-31",
                    "description": "",
                }
            ]
        ),
        "adoption_session": "October 2023 session",
        "adoption_date": "2023-10-05",
        "adoption_reference": "2023/10/07",
        "consultative_bodies": streamfield([("body", "Youth public policies")]),
        "documents": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class PageTreeTests(WagtailPageTestCase):
    def test_the_page_tree_only_allows_what_makes_sense(self):
        self.assertCanCreateAt(HomePage, ActionPlanIndexPage)
        self.assertCanCreateAt(ActionPlanIndexPage, ActionPlanPage)
        self.assertCanCreateAt(ActionPlanPage, CommitmentPage)
        self.assertCanNotCreateAt(HomePage, CommitmentPage)
        self.assertCanNotCreateAt(ActionPlanIndexPage, CommitmentPage)
        self.assertCanNotCreateAt(StandardPage, ActionPlanPage)
        self.assertAllowedSubpageTypes(ActionPlanIndexPage, {ActionPlanPage})
        self.assertAllowedSubpageTypes(ActionPlanPage, {CommitmentPage})
        self.assertAllowedSubpageTypes(CommitmentPage, set())
        self.assertAllowedParentPageTypes(CommitmentPage, {ActionPlanPage})


class AdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = index_page()
        cls.plan = plan_page(cls.index)
        cls.lead = organisation("مديرية نظم المعلومات", fr="Direction des systèmes d'information")
        cls.commitment = commitment_page(cls.plan, "C1", lead=cls.lead, partners=[cls.lead])

    def setUp(self):
        self.user = self.login()
        self.set_admin_language("en")

    def set_admin_language(self, language):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = language
        profile.save()
        self.admin_language = language

    def add_url(self, parent, model):
        return reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def test_editor_creates_a_plan_with_its_phases(self):
        self.assertCanCreate(self.index, ActionPlanPage, plan_form())
        plan = ActionPlanPage.objects.get(slug="open-region")
        self.assertEqual([phase.kind for phase in plan.phases.all()], ["implementation"])
        self.assertEqual(plan.phases.get().locale, plan.locale)

    def test_editor_creates_a_commitment_with_ordered_milestones(self):
        transparency = OGPValue.objects.get(code="transparency")
        data = commitment_form(
            milestones=[
                milestone_form(deliverable="First", due_date="2025-03-31"),
                milestone_form(deliverable="Second", responsible=str(self.lead.pk)),
            ],
            lead_institution=str(self.lead.pk),
            multiple={"partners": [str(self.lead.pk)], "ogp_values": [str(transparency.pk)]},
        )
        self.assertCanCreate(self.plan, CommitmentPage, data)
        page = CommitmentPage.objects.get(slug="open-budget-data")
        self.assertEqual([m.deliverable for m in page.milestones.all()], ["First", "Second"])
        self.assertEqual({m.locale_id for m in page.milestones.all()}, {page.locale_id})
        self.assertEqual(page.milestones.last().responsible, self.lead)
        self.assertEqual(sorted(page.tags.names()), ["budget", "open data"])
        self.assertEqual(list(page.ogp_values.all()), [transparency])

    def test_existing_pages_are_editable_and_previewable(self):
        self.assertPageIsEditable(self.index)
        self.assertPageIsEditable(self.commitment)
        self.assertPageIsEditable(self.plan, post_data=plan_form(slug="plan"))
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsPreviewable(self.commitment)
        self.assertPageIsPreviewable(self.plan, post_data=plan_form(slug="plan"))

    def test_editing_a_commitment_saves_its_milestones(self):
        first, *others = self.commitment.milestones.all()
        data = commitment_form(
            slug="c1",
            code="C1",
            milestones=[milestone_form(id=str(first.pk), deliverable="Renamed")]
            + [milestone_form(id=str(m.pk), DELETE="1") for m in others]
            + [milestone_form(deliverable="Added")],
            initial=3,
        )
        data["action-publish"] = "action-publish"
        response = self.client.post(self.edit_url(self.commitment), data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            [m.deliverable for m in Milestone.objects.filter(commitment=self.commitment)],
            ["Renamed", "Added"],
        )
        renamed = Milestone.objects.get(deliverable="Renamed")
        self.assertEqual(renamed.translation_key, first.translation_key)

    def assert_refused(self, response, field, message, formset=None):
        self.assertEqual(response.status_code, 200, "the form should be shown again")
        form = response.context["form"]
        # Lazy messages are rendered in the language active when read: read them in the admin's.
        with override(self.admin_language):
            if formset:
                errors = [
                    str(e)
                    for form_errors in form.formsets[formset].errors
                    for e in form_errors.get(field, [])
                ]
            else:
                errors = [str(e) for e in form.errors.get(field, [])]
        self.assertTrue(any(message in error for error in errors), f"{message!r} not in {errors}")
        self.assertContains(response, message)

    def test_duplicate_code_is_refused_when_creating(self):
        response = self.client.post(
            self.add_url(self.plan, CommitmentPage), commitment_form(code="c1 ")
        )
        self.assert_refused(response, "code", "already uses the code")
        self.assertEqual(CommitmentPage.objects.count(), 1)

    def test_duplicate_code_is_refused_when_editing(self):
        other = commitment_page(self.plan, "C2")
        response = self.client.post(self.edit_url(other), commitment_form(slug="c2", code="C1"))
        self.assert_refused(response, "code", "already uses the code")
        other.refresh_from_db()
        self.assertEqual(other.code, "C2")

    def test_milestone_due_before_its_start_is_refused(self):
        data = commitment_form(
            milestones=[milestone_form(start_date="2025-06-01", due_date="2025-01-01")]
        )
        response = self.client.post(self.add_url(self.plan, CommitmentPage), data)
        self.assert_refused(
            response, "due_date", "The due date cannot be before the start date.", "milestones"
        )

    def test_commitment_ending_before_it_starts_is_refused(self):
        data = commitment_form(start_date="2026-01-01", end_date="2025-01-01")
        response = self.client.post(self.add_url(self.plan, CommitmentPage), data)
        self.assert_refused(response, "end_date", "A commitment cannot end before it starts.")

    def test_status_and_progress_are_not_typed_in_the_admin(self):
        """They come from co-monitoring's official reports, the same in every language."""
        data = commitment_form(
            status="completed",
            progress="150",
            milestones=[milestone_form(status="completed", progress="120")],
        )
        response = self.client.post(self.add_url(self.plan, CommitmentPage), data)
        self.assertEqual(response.status_code, 302)
        created = CommitmentPage.objects.get(code="C9")
        self.assertEqual((created.status, created.progress), ("not_started", 0))
        self.assertEqual(created.milestones.get().status, "not_started")

    def test_milestone_weight_must_be_a_whole_number(self):
        data = commitment_form(milestones=[milestone_form(weight="-2")])
        response = self.client.post(self.add_url(self.plan, CommitmentPage), data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(CommitmentPage.objects.filter(code="C9").count(), 0)

    def test_phase_ending_before_it_starts_is_refused(self):
        data = plan_form(
            phases=inline_formset(
                [
                    {
                        "kind": "adoption",
                        "start": "2023-10-05",
                        "end": "2023-10-01",
                        "description": "",
                    }
                ]
            )
        )
        response = self.client.post(self.add_url(self.index, ActionPlanPage), data)
        self.assert_refused(response, "end", "A phase cannot end before it starts.", "phases")

    def test_bad_input_keeps_what_was_saved(self):
        self.client.post(self.edit_url(self.commitment), commitment_form(slug="c1", progress="300"))
        self.commitment.refresh_from_db()
        self.assertEqual(self.commitment.progress, 40)
        self.assertEqual(self.commitment.milestones.count(), 3)

    def test_arabic_editor_gets_the_commitment_form_right_to_left(self):
        self.set_admin_language("ar")
        response = self.client.get(self.edit_url(self.commitment))
        self.assertContains(response, 'dir="rtl"')
        self.assertContains(response, 'name="milestones-0-deliverable"')

    def test_errors_are_given_in_the_editor_language(self):
        self.set_admin_language("ar")
        data = commitment_form(start_date="2026-01-01", end_date="2025-01-01")
        response = self.client.post(self.add_url(self.plan, CommitmentPage), data)
        with override("ar"):
            message = gettext("A commitment cannot end before it starts.")
        self.assert_refused(response, "end_date", message)


class PreviewOnCreateTests(WagtailPageTestCase):
    """Editors preview a page before it is first saved, when it has no place in the tree."""

    @classmethod
    def setUpTestData(cls):
        cls.index = index_page()
        cls.plan = plan_page(cls.index)

    def setUp(self):
        self.login()

    def preview(self, parent, model, data):
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        response = self.client.post(url, data)
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
        return self.client.get(url)

    def test_new_commitment_previews_with_its_milestones(self):
        data = commitment_form(milestones=[milestone_form(deliverable="A first milestone")])
        response = self.preview(self.plan, CommitmentPage, data)
        self.assertContains(response, "A first milestone")
        self.assertContains(response, "Open budget data")

    def test_new_plan_previews_with_its_phases(self):
        response = self.preview(self.index, ActionPlanPage, plan_form())
        self.assertContains(response, "ap-phase--current")
