"""Evaluation rounds on a plan, assessments of its commitments on the IRM scales, and citizens'
feedback.

Everything is keyed on translation keys (the plan's, the commitment's), not on one language
version of a page: an assessment written on the French commitment shows on the Arabic one too,
labelled with the language it was written in."""

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from accounts.roles import EVALUATORS
from actionplans.models import ActionPlanPage
from home.dates import format_date

from .scales import Completion, DeliveryRating, EarlyResults, Potential

NARRATIVE_MAX_LENGTH = 10000
EVIDENCE_MAX_LENGTH = 2000


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, plan) -> str:
        return f"{plan.title} ({plan.code}, {plan.locale.language_code})"


class RoundForm(WagtailAdminModelForm):
    """The admin form picks a plan page; the round stores the plan's translation key so that it
    belongs to every language version of the plan."""

    plan = PlanChoiceField(
        label=_("Action plan"),
        queryset=ActionPlanPage.objects.select_related("locale").order_by("path"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.plan_key:
            self.initial["plan"] = (
                ActionPlanPage.objects.filter(translation_key=self.instance.plan_key)
                .order_by("pk")
                .values_list("pk", flat=True)
                .first()
            )
        evaluators = self.fields["evaluators"]
        evaluators.queryset = evaluators.queryset.filter(
            groups__name=EVALUATORS, is_active=True
        ).distinct()

    def save(self, commit=True):
        self.instance.plan_key = self.cleaned_data["plan"].translation_key
        return super().save(commit=commit)


class RoundQuerySet(models.QuerySet):
    def for_plan(self, plan_key) -> "RoundQuerySet":
        return self.filter(plan_key=plan_key)

    def published(self) -> "RoundQuerySet":
        return self.filter(state=EvaluationRound.State.PUBLISHED)

    def feedback_open(self, today: date) -> "RoundQuerySet":
        return self.filter(
            state=EvaluationRound.State.OPEN,
            feedback_opens_on__lte=today,
            feedback_closes_on__gte=today,
        )


class EvaluationRound(models.Model):
    class Kind(models.TextChoices):
        MID_TERM = "mid_term", _("Mid-term evaluation")
        END_OF_TERM = "end_of_term", _("End-of-term evaluation")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for evaluation")
        CLOSED = "closed", _("Closed")
        PUBLISHED = "published", _("Published")

    plan_key = models.UUIDField(_("action plan (translation group)"), db_index=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_on = models.DateField(_("evaluation starts"))
    ends_on = models.DateField(_("evaluation ends"))
    evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("independent evaluators"),
        blank=True,
        related_name="evaluation_rounds",
        help_text=_("Accounts of the Evaluators group who assess the commitments."),
    )
    civil_society = models.BooleanField(
        _("civil-society evaluation"),
        default=True,
        help_text=_("Organisations accredited on this plan may submit their own evaluation."),
    )
    feedback_opens_on = models.DateField(_("citizen feedback opens"))
    feedback_closes_on = models.DateField(_("citizen feedback closes"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, editable=False
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()
    base_form_class = RoundForm
    panels = [
        FieldPanel("plan"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        MultiFieldPanel(
            [FieldPanel("evaluators"), FieldPanel("civil_society")], heading=_("Who evaluates")
        ),
        FieldRowPanel([FieldPanel("feedback_opens_on"), FieldPanel("feedback_closes_on")]),
    ]

    class Meta:
        verbose_name = _("evaluation round")
        verbose_name_plural = _("evaluation rounds")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=["draft", "open", "closed", "published"]),
                name="evaluation_round_state_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {format_date(self.starts_on)}"  # Solar Hijri in Dari

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The evaluation cannot end before it starts.")
        if (
            self.feedback_opens_on
            and self.feedback_closes_on
            and self.feedback_closes_on < self.feedback_opens_on
        ):
            errors["feedback_closes_on"] = _("Feedback cannot close before it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.state == self.State.OPEN

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    def feedback_window_contains(self, today: date) -> bool:
        return self.feedback_opens_on <= today <= self.feedback_closes_on

    def plan(self, locale=None):
        """The plan in the given locale (or any language version)."""
        plans = ActionPlanPage.objects.filter(translation_key=self.plan_key)
        chosen = plans.filter(locale=locale).first() if locale is not None else None
        return chosen or plans.order_by("pk").first()


class AssessmentQuerySet(models.QuerySet):
    def submitted(self) -> "AssessmentQuerySet":
        return self.filter(status=Assessment.Status.SUBMITTED)

    def current(self) -> "AssessmentQuerySet":
        """The latest submitted version of each author's (or organisation's) assessment."""
        return self.submitted().filter(superseded_by__isnull=True)

    def for_commitment(self, commitment_key) -> "AssessmentQuerySet":
        return self.filter(commitment_key=commitment_key)


class Assessment(models.Model):
    """One version of an assessment of a commitment in a round. Drafts are private to their
    author; a submitted version is never edited: a revision is a new version, and the old one
    stays in the history (`superseded_by` points to its successor once that is submitted)."""

    class Kind(models.TextChoices):
        EVALUATOR = "evaluator", _("Independent evaluator")
        CIVIL_SOCIETY = "civil_society", _("Civil-society evaluation")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="assessments")
    commitment_key = models.UUIDField(_("commitment (translation group)"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveSmallIntegerField(default=1)
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next_version"
    )
    superseded_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    language = models.CharField(_("language"), max_length=10)
    verifiable = models.BooleanField(_("verifiable"), null=True)
    relevant_values = models.ManyToManyField(
        "actionplans.OGPValue", verbose_name=_("relevant to OGP values"), blank=True
    )
    potential = models.CharField(
        _("potential for results"), max_length=20, choices=Potential.choices, blank=True
    )
    completion = models.CharField(
        _("completion"), max_length=20, choices=Completion.choices, blank=True
    )
    early_results = models.CharField(
        _("did it open government?"), max_length=20, choices=EarlyResults.choices, blank=True
    )
    narrative = models.TextField(_("narrative"), max_length=NARRATIVE_MAX_LENGTH, blank=True)
    evidence = models.TextField(_("evidence"), max_length=EVIDENCE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["round", "commitment_key", "version", "pk"]
        indexes = [models.Index(fields=["round", "commitment_key", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"]), name="assessment_status_known"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["evaluator", "civil_society"]),
                name="assessment_kind_known",
            ),
            # One draft at a time per author and commitment: a second "new draft" reuses it.
            models.UniqueConstraint(
                fields=["round", "commitment_key", "author"],
                condition=Q(status="draft"),
                name="one_draft_assessment_per_author",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version} – {self.commitment_key}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_current(self) -> bool:
        return self.status == self.Status.SUBMITTED and self.superseded_by_id is None


class FeedbackQuerySet(models.QuerySet):
    def visible(self) -> "FeedbackQuerySet":
        """Feedback whose comment moderation has left published."""
        return self.filter(comment__status="published")


class CitizenFeedback(models.Model):
    """A citizen's rating of how well a commitment was delivered. The words go into a public
    comment on the commitment (consultations' Comment, with its moderation); the rating stays
    here, linked to that comment."""

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="feedback")
    commitment_key = models.UUIDField(_("commitment (translation group)"), db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.OneToOneField(
        "consultations.Comment", on_delete=models.CASCADE, related_name="evaluation_feedback"
    )
    rating = models.PositiveSmallIntegerField(_("rating"), choices=DeliveryRating.choices)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen feedback")
        verbose_name_plural = _("citizen feedback")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "commitment_key", "author"], name="one_feedback_per_citizen"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="feedback_rating_in_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} – {self.commitment_key}"


class CommitmentRating(models.Model):
    """The ratings the commitment search's co-evaluation facets read: for each commitment
    (translation group) assessed in a published round, the completion and early-results ratings
    of its latest published independent assessment. Derived by ``evaluation.ratings`` (which
    holds the rule) and rewritten by the services that submit assessments and publish or
    withdraw rounds; a commitment without a row has no published rating."""

    commitment_key = models.UUIDField(unique=True)
    completion = models.CharField(max_length=20, blank=True, db_index=True)
    early_results = models.CharField(max_length=20, blank=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.commitment_key}: {self.completion or '-'} / {self.early_results or '-'}"
