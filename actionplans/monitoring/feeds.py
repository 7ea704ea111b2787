"""Atom feeds of published reports, per plan and per commitment (Django's syndication)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from actionplans.models import ActionPlanPage, CommitmentPage

from .models import ProgressReport
from .views import local_version

FEED_SIZE = 50


class _ReportFeed(Feed):
    feed_type = Atom1Feed

    def items(self, obj):
        page, reports = obj
        pages = {
            c.translation_key: c
            for c in CommitmentPage.objects.live()
            .filter(locale=page.locale)
            .filter(translation_key__in=reports.values("commitment_key"))
        }
        items = list(
            reports.select_related("organisation").order_by("-created_at", "-pk")[:FEED_SIZE]
        )
        for report in items:
            report.commitment_page = pages.get(report.commitment_key)
        return items

    def item_title(self, report):
        voice = (
            _("Council")
            if report.is_official
            else (report.organisation.name if report.organisation else _("Civil society"))
        )
        title = report.commitment_page.title if report.commitment_page else ""
        return f"{voice}: {report.status_label} — {title}"

    def item_description(self, report):
        return report.narrative

    def item_link(self, report):
        base = report.commitment_page.url if report.commitment_page else "/"
        return f"{base}#report-{report.pk}"

    def item_pubdate(self, report):
        return report.created_at

    def item_updateddate(self, report):
        return report.created_at

    def link(self, obj):
        return obj[0].url


class PlanFeed(_ReportFeed):
    def get_object(self, request, plan_id: int):
        plan = local_version(ActionPlanPage, plan_id)
        return plan, ProgressReport.objects.published().for_plan(plan.translation_key)

    def title(self, obj):
        return _("Progress reports: %(title)s") % {"title": obj[0].title}


class CommitmentFeed(_ReportFeed):
    def get_object(self, request, commitment_id: int):
        commitment = local_version(CommitmentPage, commitment_id)
        return commitment, ProgressReport.objects.published().for_commitment(
            commitment.translation_key
        )

    def title(self, obj):
        return _("Progress reports: %(title)s") % {"title": obj[0].title}
