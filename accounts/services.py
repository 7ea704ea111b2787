"""Account workflow steps: updating the public profile, deleting an account."""

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from .models import User
from .names import validate_display_name


def update_profile(*, user: User, display_name: str, preferred_language: str) -> User:
    display_name = validate_display_name(display_name[:60])
    with transaction.atomic():
        user.display_name = display_name
        user.preferred_language = preferred_language
        user.save(update_fields=["display_name", "preferred_language"])
        log(instance=user, action="accounts.profile.update", user=user)
    return user


def delete_account(*, user: User) -> User:
    """Deactivate and anonymise the account. Comments stay, shown as from a deleted account
    (User.public_name); nothing left identifies the person: not the user row, not the audit
    log's labels and data, not the admin profile. Other sessions end with the password."""
    identifiers = _identifiers(user)
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
        UserProfile.objects.filter(user=user).delete()
        _scrub_logs(user, identifiers)
        log(instance=user, action="accounts.user.delete", user=user)
    return user


def _identifiers(user: User) -> list[str]:
    """Every way the account could be recognised, longest first (so that a name inside an
    email is replaced as part of the email)."""
    values = {
        user.username,
        user.email,
        user.display_name,
        user.first_name,
        user.last_name,
        user.get_full_name(),
        str(user),
    }
    return sorted((value for value in values if value and len(value) > 1), key=len, reverse=True)


def _scrub(value, identifiers: list[str], replacement: str):
    if isinstance(value, str):
        for identifier in identifiers:
            value = value.replace(identifier, replacement)
        return value
    if isinstance(value, dict):
        return {key: _scrub(item, identifiers, replacement) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, identifiers, replacement) for item in value]
    return value


def _scrub_logs(user: User, identifiers: list[str]) -> None:
    """Audit-log entries about the account, or made by it, lose the names they copied."""
    replacement = user.username
    about_user = Q(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk))
    for model in (ModelLogEntry, PageLogEntry):
        entries = model.objects.filter(
            Q(user=user) | about_user if model is ModelLogEntry else Q(user=user)
        )
        for entry in entries.iterator():
            label = _scrub(entry.label, identifiers, replacement)
            data = _scrub(entry.data, identifiers, replacement)
            if label != entry.label or data != entry.data:
                model.objects.filter(pk=entry.pk).update(label=label, data=data)
