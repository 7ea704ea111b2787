"""People and the organisations they act for.

Citizens appear publicly under a display name of their choice, never their email or real name.
Organisations (council departments, public institutions, civil-society organisations…) are
translatable snippets reused by action plans, commitments and progress reports."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


def language_choices() -> list[tuple[str, str]]:
    """The languages this site offers (configuration, so not frozen into migrations)."""
    return list(settings.LANGUAGES)


class User(AbstractUser):
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("Shown publicly beside what you write, instead of your email."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, blank=True, choices=language_choices
    )

    # What a listing shown to the public never reads of its authors: left out of such listings
    # (``private_author_fields``), so none of it is kept with them in the shared cache.
    PRIVATE_FIELDS = ("password", "last_login", "username", "first_name", "last_name", "email")

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"

    @property
    def public_name(self) -> str:
        """The only name shown to the public: pseudonymous unless the user chose otherwise."""
        if not self.is_active:
            return str(_("Deleted account"))
        return self.display_name or self.anonymous_label(self.pk)

    @staticmethod
    def anonymous_label(number) -> str:
        return _("Participant %(number)s") % {"number": number}

    def __str__(self) -> str:
        return self.display_name or self.get_username()


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        COUNCIL_DEPARTMENT = "council_department", _("Council department")
        PUBLIC_INSTITUTION = "public_institution", _("Public institution")
        CSO = "cso", _("Civil-society organisation")
        PRIVATE = "private", _("Private company")
        ACADEMIC = "academic", _("Academic institution")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("The council has checked that this organisation exists and who speaks for it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("email"),
        FieldPanel("verified"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person who may act for an organisation (e.g. post a CSO's progress assessment)."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        REPRESENTATIVE = "representative", _("Representative")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    # Points at one language version; checks compare translation keys, so a membership covers
    # every language version of the organisation.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("organisation"), FieldPanel("role")]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="unique_membership_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


def private_author_fields(relation: str = "author") -> list[str]:
    """The private fields of the ``relation`` to a user, for ``QuerySet.defer``: a public
    listing then reads only its authors' public name, state and roles."""
    return [f"{relation}__{name}" for name in User.PRIVATE_FIELDS]
