"""A civil-society organisation's accreditation to monitor one action plan.

Keyed on the plan's translation key, so it holds for every language version of the plan; the
organisation is compared by its translation key too (an Arabic or French version is the same
organisation). An organisation not yet listed applies under a new name: the organisation is
created (in the language of the plan applied to) only when an editor accredits it, so a refused
application leaves no public organisation behind."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

REGISTRATION_MAX_LENGTH = 100
REASON_MAX_LENGTH = 1000
NEW_NAME_MAX_LENGTH = 200


class AccreditationQuerySet(models.QuerySet):
    def for_plan(self, plan_key) -> "AccreditationQuerySet":
        return self.filter(plan_key=plan_key)

    def accredited(self) -> "AccreditationQuerySet":
        return self.filter(status=Accreditation.Status.ACCREDITED)

    def with_member(self, user) -> "AccreditationQuerySet":
        return self.filter(members=user)


class Accreditation(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACCREDITED = "accredited", _("Accredited")
        REFUSED = "refused", _("Refused")
        SUSPENDED = "suspended", _("Suspended")

    plan_key = models.UUIDField(_("plan"), db_index=True, editable=False)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisation_key = models.UUIDField(null=True, editable=False, db_index=True)
    #: An organisation not listed yet: created by the accreditation, in this locale.
    new_organisation_name = models.CharField(
        _("new organisation"), max_length=NEW_NAME_MAX_LENGTH, blank=True
    )
    new_organisation_locale = models.ForeignKey(
        "wagtailcore.Locale", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registration_number = models.CharField(
        _("registration number"), max_length=REGISTRATION_MAX_LENGTH
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact email"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member accounts"),
        related_name="monitoring_accreditations",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED
    )
    reason = models.TextField(_("reason"), blank=True, max_length=REASON_MAX_LENGTH)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applied_at = models.DateTimeField(_("applied at"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = AccreditationQuerySet.as_manager()

    class Meta:
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        ordering = ["-applied_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan_key", "organisation_key"], name="one_accreditation_per_plan_and_cso"
            ),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(new_organisation_name=""),
                name="accreditation_names_an_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.get_status_display()})"

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.new_organisation_name

    @property
    def is_new_organisation(self) -> bool:
        return self.organisation_id is None

    @property
    def is_accredited(self) -> bool:
        return self.status == self.Status.ACCREDITED

    def plan_title(self) -> str:
        plan = self.plan()
        return plan.title if plan else ""

    def plan(self, locale=None):
        """The plan page in the given locale (or any language version)."""
        from actionplans.models import ActionPlanPage

        plans = ActionPlanPage.objects.filter(translation_key=self.plan_key)
        if locale is not None:
            local = plans.filter(locale=locale).first()
            if local is not None:
                return local
        return plans.order_by("pk").first()
