from django import forms
from django.utils.translation import gettext_lazy as _

from actionplans.models import OGPValue
from consultations.models import BODY_MAX_LENGTH

from .models import EVIDENCE_MAX_LENGTH, NARRATIVE_MAX_LENGTH
from .scales import Completion, DeliveryRating, EarlyResults, Potential

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _blank(choices):
    return [("", _("Not rated yet")), *choices]


class AssessmentForm(forms.Form):
    """The IRM form. Every field may stay empty in a draft; submitting asks for all of them
    (services.submit_assessment decides, so the rule lives in one place)."""

    verifiable = forms.ChoiceField(
        label=_("Is the commitment verifiable?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Are its milestones specific enough to check whether they were done?"),
    )
    relevant_values = forms.MultipleChoiceField(
        label=_("Relevant to these OGP values"),
        choices=OGPValue.Code.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    potential = forms.ChoiceField(
        label=_("Potential for results"), choices=_blank(Potential.choices), required=False
    )
    completion = forms.ChoiceField(
        label=_("Completion"), choices=_blank(Completion.choices), required=False
    )
    early_results = forms.ChoiceField(
        label=_("Early results: did it open government?"),
        choices=_blank(EarlyResults.choices),
        required=False,
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        required=False,
        max_length=NARRATIVE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("What was done, what changed, and why you rate it so."),
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        max_length=EVIDENCE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("Documents, links, interviews: one per line."),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations or []}
        if self.organisations:
            self.fields["organisation"] = forms.ChoiceField(
                label=_("Evaluation written for"),
                choices=[(pk, o.name) for pk, o in self.organisations.items()],
            )

    def values(self) -> dict:
        data = self.cleaned_data
        verifiable = {"yes": True, "no": False}.get(data.get("verifiable") or "")
        return {
            "verifiable": verifiable,
            "relevant_values": data.get("relevant_values") or [],
            "potential": data.get("potential") or "",
            "completion": data.get("completion") or "",
            "early_results": data.get("early_results") or "",
            "narrative": data.get("narrative") or "",
            "evidence": data.get("evidence") or "",
        }

    @property
    def chosen_organisation(self):
        return self.organisations.get(self.cleaned_data.get("organisation") or "")

    @staticmethod
    def initial_from(assessment) -> dict:
        if assessment is None:
            return {}
        verifiable = {True: "yes", False: "no"}.get(assessment.verifiable, "")
        return {
            "verifiable": verifiable,
            "relevant_values": [v.code for v in assessment.relevant_values.all()],
            "potential": assessment.potential,
            "completion": assessment.completion,
            "early_results": assessment.early_results,
            "narrative": assessment.narrative,
            "evidence": assessment.evidence,
            "organisation": str(assessment.organisation_id or ""),
        }


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How well was this commitment delivered?"),
        choices=DeliveryRating.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    body = forms.CharField(
        label=_("What did you see?"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        help_text=_("Published as a public comment on the commitment, under your display name."),
    )
