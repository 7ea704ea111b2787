"""Emails of co-monitoring. A task enqueued after the transaction commits finds the recipients
(members of an organisation, followers, an author) and hands each email to `accounts.mail`,
which sends it from the task queue in the recipient's language and retries when the mail
server is down: a request never fails because of email."""

from django.db import transaction
from django_tasks import task

from accounts.mail import notify, recipient_language


def enqueue_on_commit(task_, *args) -> None:
    transaction.on_commit(lambda: task_.enqueue(*args), robust=True)


def _locale(language: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=language).first()


def _local_page(model, key, language: str):
    pages = model.objects.live().filter(translation_key=key)
    return pages.filter(locale__language_code=language).first() or pages.order_by("pk").first()


@task()
def accreditation_decided(accreditation_id: int) -> int:
    from .models import Accreditation

    accreditation = (
        Accreditation.objects.select_related("organisation", "applied_by")
        .filter(pk=accreditation_id)
        .first()
    )
    if accreditation is None:
        return 0
    recipients = {u.pk: u for u in accreditation.members.all()}
    if accreditation.applied_by is not None:
        recipients.setdefault(accreditation.applied_by_id, accreditation.applied_by)
    sent = 0
    for user in recipients.values():
        plan = accreditation.plan(_locale(recipient_language(user)))
        sent += notify(
            user, "monitoring/email/accreditation_decided", {"a": accreditation, "plan": plan}
        )
    return sent


@task()
def report_published(report_id: int) -> int:
    """Email the followers of the report's commitment and plan, each in their language."""
    from actionplans.models import ActionPlanPage, CommitmentPage

    from .models import Follow, ProgressReport

    report = ProgressReport.objects.filter(pk=report_id).first()
    if report is None or not report.is_visible:
        return 0
    follows = (
        Follow.objects.filter(
            target_key__in=[report.commitment_key, report.plan_key],
            created_at__lte=report.created_at,
        )
        .exclude(user_id=report.author_id)
        .select_related("user")
    )
    users = {follow.user_id: follow.user for follow in follows}
    sent = 0
    for user in users.values():
        language = recipient_language(user)
        context = {
            "report": report,
            "commitment": _local_page(CommitmentPage, report.commitment_key, language),
            "plan": _local_page(ActionPlanPage, report.plan_key, language),
        }
        sent += notify(user, "monitoring/email/report_published", context)
    return sent


@task()
def report_hidden(report_id: int) -> int:
    from actionplans.models import CommitmentPage

    from .models import ProgressReport

    report = ProgressReport.objects.select_related("author").filter(pk=report_id).first()
    if report is None or report.author is None:
        return 0
    language = recipient_language(report.author)
    commitment = _local_page(CommitmentPage, report.commitment_key, language)
    return int(
        notify(
            report.author,
            "monitoring/email/report_hidden",
            {"report": report, "commitment": commitment},
        )
    )
