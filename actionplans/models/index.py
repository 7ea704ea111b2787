from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from accounts.models import Organisation
from actionplans import listings
from actionplans.organisations import localize_listing, organisations_in
from home.models.base import BasePage
from home.translations import localized
from home.visibility import public_q

from .commitment import CommitmentPage
from .milestone import Milestone
from .plan import ActionPlanPage


class ActionPlanIndexPage(RoutablePageMixin, BasePage):
    """The council's plans, and their commitments listed by theme and by organisation."""

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["actionplans.ActionPlanPage"]
    template = "actionplans/action_plan_index_page.html"

    class Meta:
        verbose_name = _("action plans index")
        verbose_name_plural = _("action plans indexes")

    # Organisation pages resolve any language version's id, so the language switcher keeps them.
    language_neutral_routes = ("organisation",)

    def published_plans(self):
        return ActionPlanPage.objects.live().filter(public_q()).child_of(self)

    def published_commitments(self):
        # Restrictions checked in each listing's own query (public() costs one more each call).
        return CommitmentPage.objects.live().filter(public_q()).descendant_of(self)

    @path("")
    def index_route(self, request):
        today = timezone.localdate()
        plans = list(self.published_plans().order_by("-period_start").prefetch_related("phases"))
        commitments = self.published_commitments()
        figures = listings.plan_figures(commitments)
        for plan in plans:
            plan.current = plan.current_phase(today)
            plan.figures = figures.get(plan.path, {"count": 0, "progress": 0})
        return self.render(
            request,
            context_overrides={
                "plans": plans,
                "themes": listings.themes(self.published_commitments()),
                "organisations": listings.organisations(
                    self.published_commitments(), self.locale_id
                ),
            },
        )

    @path("theme/<str:slug>/", name="theme")
    def theme_route(self, request, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404
        commitments = self.published_commitments().filter(tags__slug=slug)
        return self._render_listing(
            request, commitments, heading=tag.name, kind="theme", subject=tag
        )

    @path("organisation/<int:pk>/", name="organisation")
    def organisation_route(self, request, pk):
        organisation = get_object_or_404(Organisation, pk=pk)
        local = localized(organisations_in([organisation], self.locale_id), organisation)
        if local.pk != organisation.pk:
            # One address per organisation and language: the version in this page's language.
            return redirect(self.url + self.reverse_subpage("organisation", args=[local.pk]))
        commitments = listings.involving(self.published_commitments(), organisation)
        return self._render_listing(
            request, commitments, heading=local.name, kind="organisation", subject=local
        )

    def _render_listing(self, request, commitments, *, heading, kind, subject):
        today = timezone.localdate()
        commitments = commitments.for_cards(today).order_by("path")
        if kind == "organisation":  # for its roles in each commitment
            commitments = commitments.prefetch_related(
                "partners",
                Prefetch("milestones", queryset=Milestone.objects.select_related("responsible")),
            )
        commitments = list(commitments)
        localize_listing(commitments, self.locale_id)
        listings.attach_plans(commitments, self.published_plans())
        if kind == "organisation":
            for commitment in commitments:
                commitment.roles = listings.roles(commitment, subject.translation_key)
        return self.render(
            request,
            template="actionplans/commitment_listing.html",
            context_overrides={
                "heading": heading,
                "kind": kind,
                "subject": subject,
                "commitments": commitments,
                "today": today,
            },
        )
