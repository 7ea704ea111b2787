from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Official implementation status, as reported by the council."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


# Work that is finished one way or the other can no longer be late.
CLOSED_STATUSES = (Status.COMPLETED, Status.CANCELLED)

PERCENT_MESSAGE = _("Enter a percentage between 0 and 100.")
PERCENT_VALIDATORS = [
    MinValueValidator(0, message=PERCENT_MESSAGE),
    MaxValueValidator(100, message=PERCENT_MESSAGE),
]
