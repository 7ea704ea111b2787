"""A published round's report: a page that prints cleanly, the same page as PDF (WeasyPrint,
with the system's Noto fonts for Arabic and Dari shaping), and its data as CSV and JSON keyed by
translation keys so that files in two languages can be joined."""

import csv
import io

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from home.dates import uses_solar_hijri
from home.digits import persian_html
from home.spreadsheets import spreadsheet_cell

from . import results
from .rules import can
from .scales import STAR_COMPLETION, STAR_EARLY_RESULTS, STAR_POTENTIAL
from .views import visible_round

CSV_COLUMNS = [
    "plan_code",
    "round_kind",
    "commitment_code",
    "commitment_title",
    "assessment_kind",
    "organisation",
    "version",
    "assessment_language",
    "verifiable",
    "relevant_values",
    "potential",
    "completion",
    "early_results",
    "star",
    "narrative",
    "evidence",
    "submitted_at",
    "feedback_count",
    "feedback_average",
    "official_status",
    "official_progress",
    "language",
    "plan_key",
    "commitment_key",
]


def report_context(request, evaluation_round, plan) -> dict:
    return {
        "evaluation_round": evaluation_round,
        "plan": plan,
        "results": results.plan_results(evaluation_round, plan),
        "today": timezone.localdate(),
        "star_rule": {
            "potential": STAR_POTENTIAL,
            "completion": STAR_COMPLETION,
            "early": STAR_EARLY_RESULTS,
        },
        "page_url": request.build_absolute_uri(
            reverse("evaluation:report", args=[evaluation_round.pk])
        ),
    }


def _published_round(request, round_id: int):
    evaluation_round, plan = visible_round(request, round_id)
    if not can(request.user, "evaluation.view_results", evaluation_round):
        raise Http404
    return evaluation_round, plan


def filename(evaluation_round, plan, extension: str) -> str:
    language = plan.locale.language_code
    return f"evaluation-{slugify(plan.code)}-{evaluation_round.kind}-{language}.{extension}"


@require_safe
def report_view(request, round_id: int):
    evaluation_round, plan = _published_round(request, round_id)
    context = report_context(request, evaluation_round, plan)
    return HttpResponse(render_to_string("evaluation/report.html", context, request=request))


def report_pdf_bytes(request, evaluation_round, plan) -> bytes:
    from weasyprint import CSS, HTML

    context = report_context(request, evaluation_round, plan)
    context["for_pdf"] = True
    html = render_to_string("evaluation/report.html", context, request=request)
    stylesheets = [CSS(filename=finders.find("css/evaluation-report.css"))]
    if uses_solar_hijri(plan.locale.language_code):
        # Every number a Dari reader sees in Persian digits: the text as on the site's pages
        # (home.digits, which the PDF does not pass through), page numbers by the stylesheet.
        html = persian_html(html)
        stylesheets.append(CSS(filename=finders.find("css/evaluation-report-fa.css")))
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(
        stylesheets=stylesheets
    )


@require_safe
def report_pdf(request, round_id: int):
    evaluation_round, plan = _published_round(request, round_id)
    response = HttpResponse(
        report_pdf_bytes(request, evaluation_round, plan), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(evaluation_round, plan, "pdf")}"'
    )
    return response


def _assessment_record(assessment) -> dict:
    return {
        "kind": assessment.kind,
        "organisation": assessment.organisation_display.name
        if assessment.organisation_display
        else None,
        "organisation_key": str(assessment.organisation.translation_key)
        if assessment.organisation
        else None,
        "version": assessment.version,
        "language": assessment.language,
        "verifiable": assessment.verifiable,
        "relevant_values": [value.code for value in assessment.relevant_values.all()],
        "potential": assessment.potential,
        "completion": assessment.completion,
        "early_results": assessment.early_results,
        "narrative": assessment.narrative,
        "evidence": assessment.evidence,
        "submitted_at": assessment.submitted_at.isoformat() if assessment.submitted_at else None,
    }


def dataset(evaluation_round, plan) -> dict:
    plan_results = results.plan_results(evaluation_round, plan)
    return {
        "plan_key": str(plan.translation_key),
        "plan_code": plan.code,
        "plan_title": plan.title,
        "language": plan.locale.language_code,
        "round": {
            "kind": evaluation_round.kind,
            "starts_on": evaluation_round.starts_on.isoformat(),
            "ends_on": evaluation_round.ends_on.isoformat(),
            "published_at": evaluation_round.published_at.isoformat()
            if evaluation_round.published_at
            else None,
        },
        "commitments": [
            {
                "commitment_key": str(row.key),
                "code": row.commitment.code,
                "title": row.commitment.title,
                "star": row.star,
                "official_status": row.official_status,
                "official_progress": row.official_progress,
                "feedback": {
                    "count": row.feedback.count,
                    "average": row.feedback.average,
                    "by_rating": {str(k): v for k, v in sorted(row.feedback.by_rating.items())},
                },
                "assessments": [
                    _assessment_record(a) for a in [*row.evaluators, *row.civil_society]
                ],
            }
            for row in plan_results.rows
        ],
    }


def csv_bytes(data: dict) -> bytes:
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for item in data["commitments"]:
        common = {
            "plan_code": data["plan_code"],
            "round_kind": data["round"]["kind"],
            "commitment_code": item["code"],
            "commitment_title": item["title"],
            "star": item["star"],
            "feedback_count": item["feedback"]["count"],
            "feedback_average": item["feedback"]["average"],
            "official_status": item["official_status"],
            "official_progress": item["official_progress"],
            "language": data["language"],
            "plan_key": data["plan_key"],
            "commitment_key": item["commitment_key"],
        }
        for assessment in item["assessments"] or [None]:
            row = dict(common)
            if assessment:
                row.update(
                    {
                        "assessment_kind": assessment["kind"],
                        "organisation": assessment["organisation"],
                        "version": assessment["version"],
                        "assessment_language": assessment["language"],
                        "verifiable": assessment["verifiable"],
                        "relevant_values": "; ".join(assessment["relevant_values"]),
                        "potential": assessment["potential"],
                        "completion": assessment["completion"],
                        "early_results": assessment["early_results"],
                        "narrative": assessment["narrative"],
                        "evidence": assessment["evidence"],
                        "submitted_at": assessment["submitted_at"],
                    }
                )
            writer.writerow([spreadsheet_cell(row.get(column)) for column in CSV_COLUMNS])
    return stream.getvalue().encode("utf-8")


@require_safe
def report_data(request, round_id: int, extension: str):
    evaluation_round, plan = _published_round(request, round_id)
    data = dataset(evaluation_round, plan)
    if extension == "csv":
        response = HttpResponse(csv_bytes(data), content_type="text/csv; charset=utf-8")
        disposition = "attachment"
    else:
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
        disposition = "inline"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{filename(evaluation_round, plan, extension)}"'
    )
    return response
