"""The roles of the design brief, held as Wagtail groups (editorial work) and organisation
memberships (civil society). Predicates here are the one place that decides who has a role."""

import rules

EDITORS = "Editors"
MODERATORS = "Moderators"
COUNCIL_STAFF = "Council staff"
EVALUATORS = "Evaluators"


def _in_group(name: str):
    @rules.predicate(name=f"in_group:{name}")
    def predicate(user) -> bool:
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        if user.is_superuser:
            return True
        # Cache the user's group names on the instance: templates ask many times per page.
        names = getattr(user, "_mosharaka_group_names", None)
        if names is None:
            names = set(user.groups.values_list("name", flat=True))
            user._mosharaka_group_names = names
        return name in names

    return predicate


is_active_user = rules.predicate(
    lambda user: bool(getattr(user, "is_authenticated", False) and user.is_active),
    name="is_active_user",
)
is_editor = _in_group(EDITORS)
is_moderator = _in_group(MODERATORS)
is_council_staff = _in_group(COUNCIL_STAFF)
is_evaluator = _in_group(EVALUATORS)


def member_organisation_keys(user) -> set:
    """Translation keys of the organisations a user may act for."""
    if not is_active_user(user):
        return set()
    return set(user.memberships.values_list("organisation__translation_key", flat=True))


@rules.predicate
def has_confirmed_email(user) -> bool:
    """The user has confirmed (allauth) the address of the account, or holds a role given by an
    administrator. Every way of signing in leads here: participation checks it, not a view."""
    if not is_active_user(user):
        return False
    confirmed = getattr(user, "_mosharaka_confirmed", None)
    if confirmed is None:
        from allauth.account.models import EmailAddress

        confirmed = bool(
            user.is_superuser
            or is_editor(user)
            or is_moderator(user)
            or is_council_staff(user)
            or is_evaluator(user)
            or (
                user.email
                and EmailAddress.objects.filter(
                    user=user, email__iexact=user.email, verified=True
                ).exists()
            )
        )
        user._mosharaka_confirmed = confirmed
    return confirmed
