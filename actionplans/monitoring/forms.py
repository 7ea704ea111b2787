from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from .models.accreditation import REASON_MAX_LENGTH, REGISTRATION_MAX_LENGTH


class ApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_(
            "Your organisation is not listed? Ask the council to register it first; "
            "only civil-society organisations can be accredited."
        ),
    )
    registration_number = forms.CharField(
        label=_("Registration number"), max_length=REGISTRATION_MAX_LENGTH
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150)
    contact_email = forms.EmailField(label=_("Contact email"))
    member_emails = forms.CharField(
        label=_("Other member accounts"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        help_text=_(
            "The emails of the other people who will report for the organisation, one per "
            "line. Each must already have an account on this site. You are a member already."
        ),
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(kind=Organisation.Kind.CSO)
        if locale is not None and organisations.filter(locale=locale).exists():
            organisations = organisations.filter(locale=locale)
        self.fields["organisation"].queryset = organisations.order_by("name")

    def emails(self) -> list[str]:
        text = self.cleaned_data.get("member_emails") or ""
        return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text=_("Needed to refuse or suspend: the organisation's members see it."),
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = choices
