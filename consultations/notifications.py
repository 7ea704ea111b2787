"""Emails to commenters, in their preferred language, through Django's email framework."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from home.sites import council_name, language_home, sender


def recipient_language(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(user, "preferred_language", "") or ""
    return language if language in codes else settings.LANGUAGE_CODE


def notify(user, template: str, context: dict) -> bool:
    """Send templates consultations/email/<template>_subject.txt and _body.txt to user."""
    if user is None or not user.is_active or not user.email:
        return False
    with translation.override(recipient_language(user)):
        home = language_home()
        context = {
            **context,
            "user": user,
            "home": home,
            "council_name": council_name(home),
            "site_url": settings.WAGTAILADMIN_BASE_URL,
        }
        subject = render_to_string(f"consultations/email/{template}_subject.txt", context)
        body = render_to_string(f"consultations/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, sender(context.get("home")), [user.email])
    return True
