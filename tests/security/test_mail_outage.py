"""A mail outage never fails a request: emails are tasks that retry, decisions are logged once."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django_tasks.signals import task_started
from wagtail.models import ModelLogEntry

from accounts import mail as account_mail
from consultations import services

MAIL_DOWN = {
    # Nothing listens on port 9 of the loopback: the connection is refused, as when the mail
    # server is down.
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": 9,
    "EMAIL_TIMEOUT": 2,
}


@pytest.fixture
def attempts():
    """The attempt numbers of the email tasks that ran."""
    seen = []

    def record(sender, task_result, **kwargs):
        if task_result.task.name == "send_notification":
            seen.append(task_result.kwargs["attempt"])

    task_started.connect(record)
    yield seen
    task_started.disconnect(record)


def hide_actions(comment):
    return ModelLogEntry.objects.filter(
        object_id=str(comment.pk), action="consultations.comment.hide"
    ).count()


@override_settings(**MAIL_DOWN)
def test_moderator_hides_while_mail_is_down_request_succeeds_logged_once_retried(
    client, consultation, make_comment, role_user, attempts, django_capture_on_commit_callbacks
):
    comment = make_comment(consultation, body="BAD")
    client.force_login(role_user("moderator"))
    url = f"/admin/moderation/review/{comment.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "hide", "reason": "Insulte"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == "hidden"
    assert hide_actions(comment) == 1
    # The first attempt and one per retry delay, then the task gives up (nothing was sent).
    assert attempts == list(range(1, len(account_mail.retry_delays()) + 2))
    assert mail.outbox == []
    # The moderator, seeing nothing happen, tries again: nothing changes, nothing is logged twice.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "hide", "reason": "Insulte"})
    assert response.status_code == 302
    assert hide_actions(comment) == 1
    assert len(attempts) == len(account_mail.retry_delays()) + 1  # no second email either


def test_a_failed_email_is_sent_on_retry(
    consultation,
    make_comment,
    role_user,
    make_user,
    attempts,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    author = make_user(email="auteur@example.org", preferred_language="fr")
    comment = make_comment(consultation, author=author)
    real_send_mail = account_mail.send_mail
    failures = []

    def flaky_send_mail(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise ConnectionRefusedError("mail server down")
        return real_send_mail(*args, **kwargs)

    monkeypatch.setattr(account_mail, "send_mail", flaky_send_mail)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate_comment(
            user=role_user("moderator"), comment=comment, decision="hide", reason="Hors sujet"
        )
    assert attempts == [1, 2]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["auteur@example.org"]
    assert "Hors sujet" in mail.outbox[0].body


def test_the_database_queue_holds_emails_until_the_worker_runs_and_defers_retries(
    consultation,
    make_comment,
    role_user,
    make_user,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The test runs inside a transaction: the worker's own transaction becomes a savepoint and
    # it must not close the test's connection between tasks.
    monkeypatch.setattr(db_worker, "exclusive_transaction", lambda using: transaction.atomic(using))
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    author = make_user(email="author@example.org")
    comment = make_comment(consultation, author=author)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        with django_capture_on_commit_callbacks(execute=True):
            services.moderate_comment(
                user=role_user("moderator"), comment=comment, decision="hide", reason="Spam"
            )
        emails = DBTaskResult.objects.filter(task_path="accounts.mail.send_notification")
        queued = emails.get()
        assert queued.status == "READY" and mail.outbox == []
        with override_settings(**MAIL_DOWN):
            call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
        results = list(emails.order_by("enqueued_at"))
        assert [r.status for r in results] == ["FAILED", "READY"]
        retry = results[1]
        assert retry.args_kwargs["kwargs"]["attempt"] == 2
        assert retry.run_after > queued.enqueued_at  # waits before trying again
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=queued.enqueued_at)
        call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
        assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["author@example.org"]
