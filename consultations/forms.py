"""Public forms: a comment (or reply) and a report. Admin forms are in forms_admin.py."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.text import clean_line, clean_multiline

from .models.comments import BODY_MAX_LENGTH, REASON_MAX_LENGTH, CommentReport


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
        # Formatted when rendered (format_lazy), in the language of that request.
        help_text=format_lazy(
            _("Plain text. Links become clickable. Up to {limit} characters."),
            limit=BODY_MAX_LENGTH,
        ),
    )
    paragraph = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    parent = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations or []}
        if self.organisations:
            choices = [("", _("Myself"))] + [(pk, o.name) for pk, o in self.organisations.items()]
            self.fields["organisation"] = forms.ChoiceField(
                label=_("Post as"), choices=choices, required=False
            )

    def clean_body(self):
        body = clean_multiline(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError(_("Please write something before sending."))
        return body

    def clean_paragraph(self):
        return clean_line(self.cleaned_data.get("paragraph"))

    def clean(self):
        # The paragraph is a hidden field the page fills in: a value it refuses (too long, a
        # NUL byte) gets the message a paragraph missing from the draft gets, shown above the
        # form (hidden fields show no errors of their own).
        if self.has_error("paragraph"):
            del self.errors["paragraph"]
            self.add_error(None, _("This paragraph is not part of the draft."))
        return super().clean()

    @property
    def chosen_organisation(self):
        return self.organisations.get(self.cleaned_data.get("organisation") or "")


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should moderators look at this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )

    def clean_note(self):
        return clean_line(self.cleaned_data.get("note"))
