from django.urls import path, re_path

from . import report, views

app_name = "evaluation"

urlpatterns = [
    path("evaluation/<int:round_id>/", views.round_view, name="round"),
    path("evaluation/<int:round_id>/report/", report.report_view, name="report"),
    path("evaluation/<int:round_id>/report.pdf", report.report_pdf, name="report_pdf"),
    re_path(
        r"^evaluation/(?P<round_id>[0-9]+)/results\.(?P<extension>csv|json)$",
        report.report_data,
        name="data",
    ),
    path(
        "evaluation/<int:round_id>/<uuid:commitment_key>/",
        views.commitment_view,
        name="commitment",
    ),
    path(
        "evaluation/<int:round_id>/<uuid:commitment_key>/assess/",
        views.assess_view,
        name="assess",
    ),
    path(
        "evaluation/<int:round_id>/<uuid:commitment_key>/feedback/",
        views.feedback_view,
        name="feedback",
    ),
    path("evaluation/assessments/<int:assessment_id>/revise/", views.revise_view, name="revise"),
]
