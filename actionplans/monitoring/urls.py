from django.urls import path, re_path

from . import feeds, report_views, views

app_name = "monitoring"

urlpatterns = [
    path("monitoring/plans/<int:plan_id>/", views.dashboard, name="dashboard"),
    path("monitoring/plans/<int:plan_id>/apply/", views.apply, name="apply"),
    re_path(
        r"^monitoring/plans/(?P<plan_id>[0-9]+)/reports\.(?P<extension>csv|json)$",
        views.plan_reports_data,
        name="plan_reports_data",
    ),
    path("monitoring/plans/<int:plan_id>/feed/", feeds.PlanFeed(), name="plan_feed"),
    path(
        "monitoring/commitments/<int:commitment_id>/feed/",
        feeds.CommitmentFeed(),
        name="commitment_feed",
    ),
    path(
        "monitoring/commitments/<int:commitment_id>/report/<str:kind>/",
        report_views.post_report,
        name="post_report",
    ),
    path("monitoring/follow/<int:page_id>/", views.follow, name="follow"),
    path(
        "monitoring/plans/<int:plan_id>/monitoring-report/",
        views.publish_periodic,
        name="publish_periodic",
    ),
    path(
        "monitoring/monitoring-reports/<int:report_id>/document/",
        report_views.periodic_document,
        name="periodic_document",
    ),
    path("monitoring/reports/<int:report_id>/hide/", report_views.hide_report, name="hide"),
    path("monitoring/reports/<int:report_id>/evidence/", report_views.evidence, name="evidence"),
]
