"""Emails to commenters about their comments, queued on the task queue (accounts.mail)."""

from accounts.mail import notify as _notify

HIDDEN = "consultations/email/comment_hidden"
RESTORED = "consultations/email/comment_restored"
ANSWERED = "consultations/email/comment_answered"


def comment_moderated(comment, *, hidden: bool, reason: str) -> bool:
    return _notify(
        comment.author, HIDDEN if hidden else RESTORED, {"comment": comment, "reason": reason}
    )


def comment_answered(comment, response) -> bool:
    return _notify(comment.author, ANSWERED, {"comment": comment, "response": response})
