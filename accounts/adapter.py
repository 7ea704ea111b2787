"""allauth adapter: user-entered names are cleaned like all public text; the public name, never
the email, stands for the user; the sign-up language becomes the preferred language."""

from allauth.account.adapter import DefaultAccountAdapter
from wagtail.models import Site

from home.sites import email_site, language_home, sender

from .text import clean_line


def user_display(user) -> str:
    return user.public_name


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        return super().clean_email(clean_line(email))

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.first_name = clean_line(user.first_name)
        user.last_name = clean_line(user.last_name)
        if commit:
            user.save()
        return user

    def _home(self):
        request = getattr(self, "request", None)
        site = Site.find_for_request(request) if request is not None else None
        return language_home(site=site)

    def get_from_email(self) -> str:
        return sender(self._home())

    def send_mail(self, template_prefix, email, context):
        # "Hello from …" names the council of the visitor's language, not the server address.
        request = getattr(self, "request", None)
        domain = request.get_host().split(":")[0] if request is not None else ""
        context = {"current_site": email_site(self._home(), domain), **context}
        return super().send_mail(template_prefix, email, context)
