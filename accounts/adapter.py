"""allauth adapter: user-entered names are cleaned like all public text; the public name, never
the email, stands for the user; the sign-up language becomes the preferred language."""

from allauth.account.adapter import DefaultAccountAdapter

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
