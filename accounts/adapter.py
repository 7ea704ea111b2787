"""allauth adapter: user-entered names are cleaned like all public text; the public name, never
the email, stands for the user; the sign-up language becomes the preferred language."""

import secrets

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import get_language

from . import mail
from .models import User
from .roles import has_confirmed_email
from .text import clean_line


def user_display(user) -> str:
    """allauth's name for a user, in its pages and emails. A display name is anybody's to type,
    so until the address is confirmed it is not shown (nor mailed to that address)."""
    if not has_confirmed_email(user):
        return str(User.anonymous_label(user.pk))
    return user.public_name


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        return super().clean_email(clean_line(email))

    def get_from_email(self) -> str:
        return mail.email_identity(allauth_context.request)[0]

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Rendered now, in the request's language; sent by the task queue, so a mail outage
        never fails sign-up or a password reset. "Hello from …" names the council of the
        visitor's language, not the server address."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": mail.email_identity(request)[1],
            **context,
        }
        mail.queue_message(self.render_mail(template_prefix, email, context))

    def get_login_redirect_url(self, request) -> str:
        """With no page to come back to, the home page of the language signed in from: a
        Dari reader signing in on /fa-af/account/login/ lands on /fa-af/, whatever the
        browser's own language (LOGIN_REDIRECT_URL "/" would follow the browser)."""
        language = get_language()
        if language in dict(settings.LANGUAGES):
            return f"/{language}/"
        return super().get_login_redirect_url(request)

    def generate_unique_username(self, txts, regex=None) -> str:
        """A random user name: never derived from the email or a name (it shows in the admin
        and in audit logs, and would tell who someone is)."""
        model = get_user_model()
        while True:
            username = f"u-{secrets.token_hex(6)}"
            if not model._default_manager.filter(username=username).exists():
                return username

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.first_name = clean_line(user.first_name)
        user.last_name = clean_line(user.last_name)
        if commit:
            user.save()
        return user
