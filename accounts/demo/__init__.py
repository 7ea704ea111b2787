"""Demo accounts for each role and the organisations they belong to, from accounts/demo/data/.
Credentials are listed in README.md."""

import functools

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Locale, Workflow, WorkflowPage, WorkflowTask
from wagtail.users.models import UserProfile

from home.demo.files import read

from ..models import Membership, Organisation, User
from ..roles import EDITORS

EDITORS_APPROVAL = "Editors' approval"  # the default workflow's name (migrations/0004)

DEMO_PASSWORD = "mosharaka-demo"


def load(context: dict) -> dict:
    """Create demo organisations and users; returns them by key (organisations by language)."""
    organisations = context.setdefault("organisations", {})
    organisations.update(create_organisations(read(__file__, "organisations")))
    users = {key: _user(key, spec, organisations) for key, spec in read(__file__, "users").items()}
    _workflows(read(__file__, "workflows"), context.get("pages", {}))
    return {"organisations": organisations, "users": users}


def _workflows(specs: dict, pages: dict) -> None:
    """Name the page-draft workflow of each section in its languages; a section with a page of
    its own gets its own workflow and task (same group: the Editors)."""
    default = Workflow.objects.get(name=EDITORS_APPROVAL)
    for spec in specs.values():
        if "page" not in spec:
            workflow = default
        else:
            workflow = Workflow.objects.create(name=spec["name"])
            task = GroupApprovalTask.objects.create(name=spec["name"])
            task.groups.set(Group.objects.filter(name=EDITORS))
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            WorkflowPage.objects.create(
                workflow=workflow, page=pages[spec["page"]][spec["language"]]
            )
        workflow.name = spec["name"]
        workflow.save(update_fields=["name"])
        for task in workflow.tasks:
            task.name = spec["name"]
            task.save(update_fields=["name"])


def create_organisations(specs: dict) -> dict[str, dict[str, Organisation]]:
    """Organisations from keyed specs: kind, verified, and a name (and acronym) per language,
    the first language being the source that the others translate."""
    result: dict[str, dict[str, Organisation]] = {}
    for key, spec in specs.items():
        versions = result[key] = {}
        for language, names in spec["names"].items():
            locale = Locale.objects.get(language_code=language)
            if not versions:
                organisation = Organisation(
                    locale=locale, kind=spec["kind"], verified=spec.get("verified", True)
                )
            else:
                organisation = next(iter(versions.values())).copy_for_translation(locale)
            organisation.name, organisation.acronym = names["name"], names.get("acronym", "")
            organisation.save()
            versions[language] = organisation
    return result


@functools.cache
def _demo_password_hash() -> str:
    """Hashed once for every demo account (they share one published password): the hasher is
    slow on purpose, and hashing it for each account was 3 s of `make demo`."""
    return make_password(DEMO_PASSWORD)


def _user(username: str, spec: dict, organisations: dict) -> User:
    superuser = spec.get("superuser", False)
    user = User.objects.create_user(
        username=username,
        email=spec["email"],
        password=None,
        display_name=spec["display_name"],
        first_name=spec.get("first_name", ""),
        last_name=spec.get("last_name", ""),
        preferred_language=spec["language"],
        is_superuser=superuser,
        is_staff=superuser,
    )
    user.password = _demo_password_hash()
    user.save(update_fields=["password"])
    groups = spec.get("groups", [])
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if groups or superuser:
        # The Wagtail admin reads its interface language from the user's admin profile.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = spec["language"]
        profile.save()
    EmailAddress.objects.create(user=user, email=spec["email"], verified=True, primary=True)
    for membership in spec.get("memberships", []):
        Membership.objects.create(
            user=user,
            organisation=organisations[membership["organisation"]][membership["language"]],
            role=membership.get("role", Membership.Role.MEMBER),
        )
    return user
