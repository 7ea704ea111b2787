"""Emails of co-monitoring, each in its recipient's preferred language, sent by tasks on the
queue (enqueued after the transaction commits): a mail outage never fails a request, and the
worker retries."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


def recipient_language(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "preferred_language", "") or ""
    return language if language in codes else settings.LANGUAGE_CODE


def send(user, template: str, context: dict) -> bool:
    """Send monitoring/email/<template>_subject.txt and _body.txt to one user."""
    if user is None or not user.is_active or not user.email:
        return False
    with translation.override(recipient_language(user)):
        context = {**context, "user": user, "site_url": settings.WAGTAILADMIN_BASE_URL}
        subject = render_to_string(f"monitoring/email/{template}_subject.txt", context)
        body = render_to_string(f"monitoring/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True


@task()
def accreditation_decided(accreditation_id: int) -> int:
    from .models import Accreditation

    accreditation = (
        Accreditation.objects.select_related("organisation").filter(pk=accreditation_id).first()
    )
    if accreditation is None:
        return 0
    recipients = {u.pk: u for u in accreditation.members.all()}
    if accreditation.applied_by is not None:
        recipients.setdefault(accreditation.applied_by_id, accreditation.applied_by)
    sent = 0
    for user in recipients.values():
        plan = accreditation.plan(_locale(recipient_language(user)))
        sent += send(user, "accreditation_decided", {"a": accreditation, "plan": plan})
    return sent


def _locale(language: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=language).first()


def enqueue_on_commit(task_, *args) -> None:
    transaction.on_commit(lambda: task_.enqueue(*args))
