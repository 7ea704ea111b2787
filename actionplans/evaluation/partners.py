"""What evaluation takes from co-monitoring: which organisations are accredited on a plan, and
the council's latest official progress on each commitment. One module, so that the rules and
the results ask the owner of that data and never keep their own copy."""

from collections.abc import Iterable
from importlib.util import find_spec

from accounts.roles import member_organisation_keys


def accredited_organisation_keys(user, plan_key) -> set:
    """Translation keys of the organisations this user acts for that are accredited to monitor
    (and so evaluate) the plan."""
    keys = member_organisation_keys(user)
    if not keys or find_spec("actionplans.monitoring") is None:
        # Until co-monitoring is installed, no organisation is accredited on any plan.
        return set()
    from actionplans.monitoring import accreditation

    return {key for key in keys if accreditation.is_accredited(key, plan_key)}


def official_progress(commitments: Iterable) -> dict:
    """{commitment translation key: (status label, percent)} from the council's official
    reporting, for already-loaded commitment pages."""
    return {
        page.translation_key: (page.get_status_display(), page.progress) for page in commitments
    }
