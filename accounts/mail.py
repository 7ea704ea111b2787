"""Email to people, in their preferred language, always sent by the task queue.

`notify()` is the only way the site mails someone about their contributions: it queues a task
once the current transaction has committed, so a request never waits for, nor fails because of,
the mail server. The task renders `<template>_subject.txt` and `<template>_body.txt` in the
recipient's language and, when the mail server fails, enqueues itself again later
(MOSHARAKA_MAIL_RETRY_DELAYS) before giving up with an error in the log.

Task arguments are JSON: model instances in the context travel as references and are read
again when the task runs (so a hidden comment's current text is what the email shows)."""

import logging
import smtplib
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger(__name__)

MAIL_ERRORS = (OSError, smtplib.SMTPException)
_MODEL = "__model__"


def recipient_language(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "preferred_language", "") or ""
    return language if language in codes else settings.LANGUAGE_CODE


def retry_delays() -> list[int]:
    return list(getattr(settings, "MOSHARAKA_MAIL_RETRY_DELAYS", [60, 300, 1800, 7200]))


def _reference(value):
    if isinstance(value, models.Model):
        return {_MODEL: value._meta.label_lower, "pk": value.pk}
    return value


def _resolve(value):
    if isinstance(value, dict) and _MODEL in value:
        model = apps.get_model(value[_MODEL])
        return model._default_manager.filter(pk=value["pk"]).first()
    return value


def notify(user, template: str, context: dict | None = None) -> bool:
    """Queue the email `template` (a path without the `_subject.txt`/`_body.txt` ending) to
    `user` after the current transaction commits. Never raises; False when nobody can be told."""
    if user is None or not user.is_active or not user.email:
        return False
    payload = {key: _reference(value) for key, value in (context or {}).items()}
    transaction.on_commit(
        lambda: enqueue_mail(user_id=user.pk, template=template, context=payload), robust=True
    )
    return True


def _later(job, attempt: int):
    """The task for an attempt: later attempts wait when the backend can defer tasks."""
    delays = retry_delays()
    if attempt > 1 and delays and job.get_backend().supports_defer:
        delay = delays[min(attempt - 2, len(delays) - 1)]
        job = job.using(run_after=timezone.now() + timedelta(seconds=delay))
    return job


def enqueue_mail(*, user_id: int, template: str, context: dict, attempt: int = 1):
    return _later(send_notification, attempt).enqueue(
        user_id=user_id, template=template, context=context, attempt=attempt
    )


def _send_or_retry(send, retry, *, what: str, attempt: int) -> str:
    """Send; when the mail server fails, enqueue the next attempt (retry) and fail this one
    (its result keeps the error), or give up once every retry delay has passed."""
    try:
        send()
    except MAIL_ERRORS:
        if attempt > len(retry_delays()):
            logger.exception("Giving up on email %s after %s attempts", what, attempt)
            raise
        logger.warning("Email %s failed (attempt %s), trying again later", what, attempt)
        retry(attempt + 1)
        raise
    return "sent"


def email_identity(request=None):
    """(from address, site) of an email in the active language, from the function named by
    MOSHARAKA_EMAIL_IDENTITY (the council's name and the configured sender)."""
    return import_string(settings.MOSHARAKA_EMAIL_IDENTITY)(request)


def render(user, template: str, context: dict) -> tuple[str, str]:
    with translation.override(recipient_language(user)):
        _sender, site = email_identity()
        context = {
            **context,
            "user": user,
            "council_name": site.name,
            "site_url": settings.WAGTAILADMIN_BASE_URL,
        }
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    return " ".join(subject.split()), body


def from_address(user) -> str:
    """The council of the recipient's language, at the configured sending address."""
    with translation.override(recipient_language(user)):
        return email_identity()[0]


@task()
def send_notification(*, user_id: int, template: str, context: dict, attempt: int = 1) -> str:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    user = user_model._default_manager.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return "no recipient"
    resolved = {key: _resolve(value) for key, value in context.items()}
    if any(value is None for key, value in resolved.items() if isinstance(context[key], dict)):
        return "object gone"
    subject, body = render(user, template, resolved)
    return _send_or_retry(
        lambda: send_mail(subject, body, from_address(user), [user.email]),
        lambda next_attempt: enqueue_mail(
            user_id=user_id, template=template, context=context, attempt=next_attempt
        ),
        what=f"{template} to user {user_id}",
        attempt=attempt,
    )


def queue_message(message: EmailMessage) -> None:
    """Queue an email already rendered (allauth's: confirmation, password reset) after the
    current transaction commits."""
    fields = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "html": next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        ),
        "content_subtype": message.content_subtype,
    }
    transaction.on_commit(lambda: _later(send_message, 1).enqueue(**fields), robust=True)


@task()
def send_message(
    *,
    subject: str,
    body: str,
    from_email,
    to: list,
    html: str = "",
    content_subtype: str = "plain",
    attempt: int = 1,
) -> str:
    def send():
        message = EmailMultiAlternatives(subject, body, from_email, to)
        message.content_subtype = content_subtype
        if html:
            message.attach_alternative(html, "text/html")
        message.send()

    def retry(next_attempt):
        _later(send_message, next_attempt).enqueue(
            subject=subject,
            body=body,
            from_email=from_email,
            to=to,
            html=html,
            content_subtype=content_subtype,
            attempt=next_attempt,
        )

    return _send_or_retry(send, retry, what=f"“{subject}”", attempt=attempt)
