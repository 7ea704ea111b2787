from django.db import models
from django.utils.translation import gettext_lazy as _


class OGPValue(models.Model):
    """The Open Government Partnership's values: a fixed list (rows made by a migration) so that
    commitments can be counted and filtered by value in every language."""

    class Code(models.TextChoices):
        TRANSPARENCY = "transparency", _("Transparency")
        ACCESS_TO_INFORMATION = "access_to_information", _("Access to information")
        CIVIC_PARTICIPATION = "civic_participation", _("Civic participation")
        PUBLIC_ACCOUNTABILITY = "public_accountability", _("Public accountability")
        TECHNOLOGY_INNOVATION = "technology_innovation", _("Technology and innovation")
        INCLUSION = "inclusion", _("Inclusion")

    code = models.CharField(max_length=40, choices=Code.choices, unique=True)

    class Meta:
        verbose_name = _("OGP value")
        verbose_name_plural = _("OGP values")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(self.Code(self.code).label)
