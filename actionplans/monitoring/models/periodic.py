from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reports import evidence_path

TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 20000


class MonitoringReport(models.Model):
    """An accredited organisation's periodic report back to citizens on a plan: a narrative
    and a document, listed on the plan's monitoring dashboard. Append-only, like reports."""

    plan_key = models.UUIDField(db_index=True)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    narrative = models.TextField(_("summary"), max_length=TEXT_MAX_LENGTH)
    document = models.FileField(_("document"), upload_to=evidence_path, blank=True)
    document_name = models.CharField(max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title
