from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from accounts.models import Organisation
from actionplans.organisations import localize_listing, localize_organisations
from home.models.base import BasePage
from home.visibility import public_q

from .commitment import CommitmentPage, CommitmentTag
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
        figures = self._plan_figures()
        for plan in plans:
            plan.current = plan.current_phase(today)
            plan.figures = figures.get(plan.path, {"count": 0, "progress": 0})
        return self.render(
            request,
            context_overrides={
                "plans": plans,
                "themes": self._themes(),
                "organisations": self._organisations(),
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
        local = localize_organisations([organisation], self.locale_id)[0]
        if local.pk != organisation.pk:
            # One address per organisation and language: the version in this page's language.
            return redirect(self.url + self.reverse_subpage("organisation", args=[local.pk]))
        key = organisation.translation_key
        commitments = self.published_commitments().filter(
            Q(lead_institution__translation_key=key)
            | Q(partners__translation_key=key)
            | Q(milestones__responsible__translation_key=key)
        )
        return self._render_listing(
            request, commitments.distinct(), heading=local.name, kind="organisation", subject=local
        )

    def _render_listing(self, request, commitments, *, heading, kind, subject):
        today = timezone.localdate()
        commitments = commitments.for_cards(today).order_by("path")
        if kind == "organisation":
            commitments = commitments.prefetch_related(
                Prefetch("milestones", queryset=Milestone.objects.select_related("responsible"))
            )
        commitments = list(commitments)
        localize_listing(commitments, self.locale_id)
        plans = {plan.path: plan for plan in self.published_plans()}
        for commitment in commitments:
            commitment.plan = plans.get(commitment.path[: -Page.steplen])
            if kind == "organisation":
                commitment.roles = _roles(commitment, subject.translation_key)
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

    def _plan_figures(self) -> dict[str, dict]:
        """Number of commitments and average progress per plan, in one query."""
        from django.db.models import Avg
        from django.db.models.functions import Substr

        rows = (
            self.published_commitments()
            .order_by()
            .annotate(plan_path=Substr("path", 1, Page.steplen * (self.depth + 1)))
            .values("plan_path")
            .annotate(count=Count("pk"), progress=Avg("progress"))
        )
        return {
            row["plan_path"]: {"count": row["count"], "progress": round(row["progress"] or 0)}
            for row in rows
        }

    def _themes(self) -> list[dict]:
        return list(
            CommitmentTag.objects.filter(
                content_object__in=self.published_commitments().order_by().values("pk")
            )
            .values("tag__name", "tag__slug")
            .annotate(count=Count("content_object", distinct=True))
            .order_by("tag__name")
        )

    def _organisations(self) -> list[dict]:
        """Organisations that lead or partner commitments here, in this page's language, with
        how many commitments they lead and partner."""
        commitments = self.published_commitments().order_by().values("pk")
        leads = dict(
            CommitmentPage.objects.filter(pk__in=commitments)
            .exclude(lead_institution=None)
            .order_by()
            .values_list("lead_institution")
            .annotate(count=Count("pk"))
        )
        through = CommitmentPage.partners.through
        partners = dict(
            through.objects.filter(commitmentpage__in=commitments)
            .order_by()
            .values_list("organisation")
            .annotate(count=Count("commitmentpage", distinct=True))
        )
        organisations = list(Organisation.objects.filter(pk__in=set(leads) | set(partners)))
        rows: dict = {}
        for original, local in zip(
            organisations, localize_organisations(organisations, self.locale_id), strict=True
        ):
            row = rows.setdefault(local.pk, {"organisation": local, "leads": 0, "partners": 0})
            row["leads"] += leads.get(original.pk, 0)
            row["partners"] += partners.get(original.pk, 0)
        return sorted(rows.values(), key=lambda row: (-row["leads"], row["organisation"].name))


def _roles(commitment: CommitmentPage, key) -> dict:
    return {
        "lead": commitment.lead_institution is not None
        and commitment.lead_institution.translation_key == key,
        "partner": any(p.translation_key == key for p in commitment.partners.all()),
        "milestones": [
            m
            for m in commitment.milestones.all()
            if m.responsible is not None and m.responsible.translation_key == key
        ],
    }
