"""The two voices' status scales and how they are compared.

The council reports on its own scale (actionplans' Status); civil society assesses on another
(on track, delayed, off track, completed, cannot assess). To flag a disagreement each
civil-society status is mapped to the official statuses it is consistent with:

| civil-society status | consistent official statuses         |
|----------------------|---------------------------------------|
| on track             | not started, in progress             |
| delayed              | delayed                               |
| off track            | delayed, cancelled                    |
| completed            | completed                             |
| cannot assess        | (any: never a disagreement)           |

An assessment disagrees with the latest official report when its status is not consistent with
the official status, or when the organisation said explicitly that it does not agree.
"Not started" counts as on track: work that has not begun may be on schedule; once the council
itself says delayed, "on track" disagrees."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from actionplans.models.status import Status as OfficialStatus


class CivilSocietyStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    DELAYED = "cso_delayed", _("Delayed")
    OFF_TRACK = "off_track", _("Off track")
    COMPLETED = "cso_completed", _("Completed")
    CANNOT_ASSESS = "cannot_assess", _("Cannot assess")


CONSISTENT = {
    CivilSocietyStatus.ON_TRACK: {OfficialStatus.NOT_STARTED, OfficialStatus.IN_PROGRESS},
    CivilSocietyStatus.DELAYED: {OfficialStatus.DELAYED},
    CivilSocietyStatus.OFF_TRACK: {OfficialStatus.DELAYED, OfficialStatus.CANCELLED},
    CivilSocietyStatus.COMPLETED: {OfficialStatus.COMPLETED},
    CivilSocietyStatus.CANNOT_ASSESS: set(OfficialStatus.values),
}


def disagrees(cso_status: str | None, official_status: str | None, agrees: bool | None) -> bool:
    """Whether a civil-society position disagrees with the official one."""
    if not cso_status or not official_status:
        return False
    if agrees is False:
        return True
    consistent = CONSISTENT.get(cso_status, set(OfficialStatus.values))
    return official_status not in consistent


def label(kind: str, status: str) -> str:
    choices = OfficialStatus if kind == "official" else CivilSocietyStatus
    try:
        return str(choices(status).label)
    except ValueError:
        return status
