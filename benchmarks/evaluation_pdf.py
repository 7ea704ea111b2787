"""Evaluation report as PDF: build time for a published round on a 30-commitment plan, in Arabic
and in Dari (WeasyPrint, Noto fonts), each commitment with an evaluator's and a civil-society
assessment (long narratives) and citizen feedback.

Builds a fresh SQLite or PostgreSQL database (its name must contain "bench": the script deletes
and recreates it), then requests the PDF several times through Django's test client and prints
the median and slowest build in milliseconds, the number of pages and the size.

    .venv/bin/python benchmarks/evaluation_pdf.py
    .venv/bin/python benchmarks/evaluation_pdf.py --commitments 30 --runs 5
"""

import argparse
import io
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/mosharaka-evaluation-bench.sqlite3")

NARRATIVE = {
    "ar": "أنجزت المصالح المعنية معظم المراحل، ونُشرت الوثائق في البوابة، واستعملتها الجمعيات. ",
    "fa-af": "شاروالی بیشتر فعالیت‌ها را انجام داد و اسناد را در صفحه انترنتی نشر کرد. ",
}
TITLES = {"ar": "الالتزام رقم", "fa-af": "تعهد شماره"}


def fresh_database() -> None:
    from plan_page import fresh_database as reset

    reset()


def build(language: str, size: int, home, evaluator, citizen, cso):
    from actionplans.evaluation.models import (
        Assessment,
        CitizenFeedback,
        EvaluationRound,
    )
    from actionplans.models import ActionPlanIndexPage, ActionPlanPage, CommitmentPage, OGPValue
    from consultations.models import Comment

    index = ActionPlanIndexPage(title="Plans", slug=f"plans-{language}", locale=home.locale)
    home.add_child(instance=index)
    plan = ActionPlanPage(
        title=f"{TITLES[language]} {size}",
        slug="plan",
        framework="open_collectivities",
        code=f"BENCH-{language}",
        period_start=date(2024, 1, 1),
        period_end=date(2027, 12, 31),
        locale=home.locale,
    )
    index.add_child(instance=plan)
    today = date.today()
    evaluation_round = EvaluationRound.objects.create(
        plan_key=plan.translation_key,
        kind="mid_term",
        starts_on=today,
        ends_on=today,
        feedback_opens_on=today,
        feedback_closes_on=today,
        state="published",
    )
    values = list(OGPValue.objects.all()[:2])
    levels = ["limited", "substantial", "complete"]
    early = ["marginal", "major", "outstanding"]
    for n in range(size):
        commitment = CommitmentPage(
            title=f"{TITLES[language]} {n}",
            slug=f"c{n}",
            code=f"C{n}",
            problem="—",
            objective="—",
            locale=home.locale,
        )
        plan.add_child(instance=commitment)
        for kind, organisation in (("evaluator", None), ("civil_society", cso)):
            assessment = Assessment.objects.create(
                round=evaluation_round,
                commitment_key=commitment.translation_key,
                kind=kind,
                author=evaluator,
                organisation=organisation,
                status="submitted",
                language=language,
                verifiable=True,
                potential="substantial",
                completion=levels[n % 3],
                early_results=early[n % 3],
                narrative=NARRATIVE[language] * 6,
                evidence="https://example.org/evidence",
            )
            assessment.relevant_values.set(values)
        comment = Comment.objects.create(
            target_key=commitment.translation_key, language=language, author=citizen, body="…"
        )
        CitizenFeedback.objects.create(
            round=evaluation_round,
            commitment_key=commitment.translation_key,
            author=citizen,
            comment=comment,
            rating=1 + n % 5,
            language=language,
        )
    return f"/{language}/evaluation/{evaluation_round.pk}/report.pdf"


def pages(content: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(content)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commitments", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    fresh_database()

    import django

    django.setup()
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Locale

    from accounts.models import Organisation, User
    from home.models import HomePage
    from home.pagetree import translate

    setup_test_environment()
    call_command("migrate", verbosity=0)
    for code in ("ar", "fr", "en", "fa-af"):
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.get(depth=2)
    homes = {"ar": home, "fa-af": translate(home, "fa-af", title="خانه")}
    evaluator = User.objects.create_user("evaluator", display_name="Evaluator")
    evaluator.groups.add(Group.objects.get(name="Evaluators"))
    citizen = User.objects.create_user("citizen", display_name="Citizen")
    cso = Organisation.objects.create(locale=home.locale, name="جمعية الشفافية", kind="cso")
    client = Client()
    print(f"WeasyPrint PDF of a published evaluation, {args.commitments} commitments, ", end="")
    print(f"{args.runs} builds each; milliseconds")
    print("(wall clock, and CPU time of this process: on a shared machine CPU is the steadier)")
    print(f"{'language':<10}{'median':>10}{'slowest':>10}{'cpu':>8}{'pages':>8}{'KiB':>8}")
    for language, language_home in homes.items():
        url = build(language, args.commitments, language_home, evaluator, citizen, cso)
        timings, cpu = [], []
        content = b""
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            content = response.content
        print(
            f"{language:<10}{statistics.median(timings):>10.0f}{max(timings):>10.0f}"
            f"{statistics.median(cpu):>8.0f}{pages(content):>8}{len(content) / 1024:>8.0f}"
        )


if __name__ == "__main__":
    main()
