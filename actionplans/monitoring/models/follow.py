from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """A signed-in user follows a plan or a commitment (by translation key: every language
    version) and is emailed when a report is published there."""

    class TargetType(models.TextChoices):
        PLAN = "plan", _("Action plan")
        COMMITMENT = "commitment", _("Commitment")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="monitoring_follows"
    )
    target_key = models.UUIDField(db_index=True)
    target_type = models.CharField(max_length=20, choices=TargetType.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [models.UniqueConstraint(fields=["user", "target_key"], name="follow_once")]

    def __str__(self) -> str:
        return f"{self.user} → {self.target_type} {self.target_key}"
