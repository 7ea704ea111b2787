"""What evaluation takes from co-monitoring: which organisations are accredited on a plan, and
the council's latest official progress on each commitment. One module, so that the rules and
the results ask the owner of that data and never keep their own copy."""

from collections.abc import Iterable

from actionplans.monitoring import accreditation


def accredited_organisations(user, plan_key) -> list:
    return accreditation.accredited_organisations(user, plan_key)


def accredited_organisation_keys(user, plan_key) -> set:
    """Translation keys of the organisations through which this user is accredited (by
    co-monitoring) on the plan: the organisations their civil-society evaluation may be for."""
    return {
        organisation.translation_key for organisation in accredited_organisations(user, plan_key)
    }


def official_progress(commitments: Iterable) -> dict:
    """{commitment translation key: (status label, percent)} from the council's official
    reporting, for already-loaded commitment pages."""
    return {
        page.translation_key: (page.get_status_display(), page.progress) for page in commitments
    }
