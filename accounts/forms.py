from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import User
from .names import validate_display_name

DISPLAY_NAME_HELP = _(
    "Shown publicly beside what you write. Leave empty to appear as “Participant” and a "
    "number. Never your email address."
)


def clean_display_name(value: str) -> str:
    return validate_display_name(value)


def _language_initial() -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    language = get_language()
    return language if language in codes else settings.LANGUAGE_CODE


class SignupForm(forms.Form):
    """Extra sign-up fields (allauth's ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Display name (optional)"),
        max_length=60,
        required=False,
        help_text=DISPLAY_NAME_HELP,
        widget=forms.TextInput(attrs={"dir": "auto", "autocomplete": "nickname"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        initial=_language_initial,
        help_text=_("For the emails we send you."),
    )

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data.get("display_name", ""))

    def signup(self, request, user):
        user.display_name = self.cleaned_data.get("display_name", "")
        user.preferred_language = self.cleaned_data.get("preferred_language", "")
        user.save(update_fields=["display_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]
        help_texts = {"display_name": DISPLAY_NAME_HELP}
        widgets = {"display_name": forms.TextInput(attrs={"dir": "auto"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].required = True

    def clean_display_name(self):
        return clean_display_name(self.cleaned_data.get("display_name", ""))


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
        max_length=4096,
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account cannot be recovered."), required=True
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if not self.user or not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your current password."))
        return password
