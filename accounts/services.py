"""Account workflow steps: updating the public profile, deleting an account."""

from allauth.account.models import EmailAddress
from django.db import transaction
from wagtail.log_actions import log

from .models import User
from .text import clean_line


def update_profile(*, user: User, display_name: str, preferred_language: str) -> User:
    with transaction.atomic():
        user.display_name = clean_line(display_name)[:60]
        user.preferred_language = preferred_language
        user.save(update_fields=["display_name", "preferred_language"])
        log(instance=user, action="accounts.profile.update", user=user)
    return user


def delete_account(*, user: User) -> User:
    """Deactivate and anonymise the account. Comments stay, shown as from a deleted account
    (User.public_name); nothing left on the row identifies the person."""
    with transaction.atomic():
        user.is_active = False
        user.username = f"deleted-{user.pk}"
        user.email = ""
        user.first_name = ""
        user.last_name = ""
        user.display_name = ""
        user.is_staff = False
        user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.memberships.all().delete()
        EmailAddress.objects.filter(user=user).delete()
        log(instance=user, action="accounts.user.delete", user=user)
    return user
