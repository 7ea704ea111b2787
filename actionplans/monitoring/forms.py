from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from .models.accreditation import (
    NEW_NAME_MAX_LENGTH,
    REASON_MAX_LENGTH,
    REGISTRATION_MAX_LENGTH,
)


class ApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Only civil-society organisations can be accredited."),
    )
    new_organisation = forms.CharField(
        label=_("Or, if it is not listed, your organisation's name"),
        max_length=NEW_NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        help_text=_(
            "The council adds the organisation to the site when it accredits it, under this "
            "name in this plan's language."
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

    def clean(self):
        cleaned = super().clean()
        chosen, named = cleaned.get("organisation"), (cleaned.get("new_organisation") or "")
        if chosen is None and not named.strip():
            raise forms.ValidationError(
                _("Please choose your organisation or give its name."), code="no_organisation"
            )
        if chosen is not None and named.strip():
            raise forms.ValidationError(
                _("Choose your organisation in the list or give a new name, not both."),
                code="two_organisations",
            )
        return cleaned

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


class ReportForm(forms.Form):
    """An official report or a civil-society assessment; works as a plain HTML form."""

    target = forms.ChoiceField(label=_("About"), required=False)
    status = forms.ChoiceField(label=_("Status"), widget=forms.RadioSelect)
    percent = forms.IntegerField(
        label=_("Progress (%)"),
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("Enter a percentage between 0 and 100."),
            "max_value": _("Enter a percentage between 0 and 100."),
            "invalid": _("Enter a percentage between 0 and 100."),
        },
    )
    reported_on = forms.DateField(
        label=_("Date of the situation reported"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date as year-month-day, e.g. 2026-03-31.")},
    )
    narrative = forms.CharField(
        label=_("What happened"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    evidence = forms.FileField(label=_("Evidence document"), required=False)
    evidence_link = forms.CharField(
        label=_("Or a link to the evidence"),
        required=False,
        max_length=500,
        widget=forms.URLInput(attrs={"dir": "ltr"}),
    )
    agrees = forms.ChoiceField(
        label=_("Do you agree with the latest official report?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No")), ("", _("No opinion"))],
    )
    organisation = forms.ChoiceField(label=_("On behalf of"), required=False)
    corrects = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kind, targets, statuses, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        from .evidence import accepted_extensions, max_bytes

        self.fields["target"].choices = targets
        self.fields["status"].choices = statuses
        self.fields["evidence"].help_text = _(
            "Accepted: %(types)s; up to %(size)s MB. It is offered as a download."
        ) % {"types": accepted_extensions(), "size": max_bytes() // (1024 * 1024)}
        self.organisations = {str(o.pk): o for o in organisations}
        if kind == "official":
            self.fields["percent"].required = True
            del self.fields["agrees"]
            del self.fields["organisation"]
        else:
            self.fields["narrative"].required = True
            self.fields["organisation"].choices = [
                (pk, o.name) for pk, o in self.organisations.items()
            ]
            if len(self.organisations) <= 1:
                self.fields["organisation"].widget = forms.HiddenInput()
                self.fields["organisation"].required = False

    @property
    def agrees_value(self):
        return {"yes": True, "no": False}.get(self.cleaned_data.get("agrees") or "")

    @property
    def chosen_organisation(self):
        picked = self.cleaned_data.get("organisation") or ""
        if picked in self.organisations:
            return self.organisations[picked]
        return next(iter(self.organisations.values()), None)


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why hide this report?"),
        max_length=500,
        help_text=_("The author is emailed this reason. The report is kept, not deleted."),
    )


class MonitoringReportForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    narrative = forms.CharField(
        label=_("Summary for citizens"), widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"})
    )
    document = forms.FileField(label=_("Report document"), required=False)
