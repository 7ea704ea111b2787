"""Admin forms: the consultation page's editing form (paste a long draft to split it into
sections; no edit may drop a paragraph that has comments, they would vanish from the public
record), and the moderation and reasoned-response forms of admin_views.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from accounts.text import clean_line, clean_multiline
from home.languages import joined

from .draft import read_draft
from .draft_import import build_stream_data, parse_draft_source
from .models.comments import (
    JUSTIFICATION_MAX_LENGTH,
    REASON_MAX_LENGTH,
    Comment,
    CommentResponse,
)


class ConsultationPageForm(WagtailAdminPageForm):
    draft_source = forms.CharField(
        label=_("Import a draft from text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Paste the whole draft as plain text or Markdown: lines starting with # become "
            "section headings, blank lines separate paragraphs. On saving, it replaces the "
            "sections below; paragraphs whose text is unchanged keep their anchor and comments."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        source = (cleaned_data.get("draft_source") or "").strip()
        if source:
            try:
                parsed = parse_draft_source(source)
                existing = read_draft(self.instance.draft) if self.instance.pk else []
                data = build_stream_data(parsed, existing, self._commented())
            except forms.ValidationError as error:
                self.add_error("draft_source", error)
                return cleaned_data
            stream_block = self.instance._meta.get_field("draft").stream_block
            cleaned_data["draft"] = stream_block.to_python(data)
            cleaned_data["draft_source"] = ""
        if "draft" in cleaned_data and self.instance.pk:
            lost = dropped_commented_paragraphs(
                self.instance, cleaned_data["draft"], self._commented()
            )
            if lost:
                self.add_error(
                    "draft",
                    _(
                        "These paragraphs have comments and cannot be removed: %(numbers)s. "
                        "Change their text instead, or ask a moderator: comments are never "
                        "deleted."
                    )
                    % {"numbers": joined(lost)},
                )
        return cleaned_data

    def _commented(self) -> set[str]:
        if not self.instance.pk:
            return set()
        return set(
            Comment.objects.for_target(self.instance.translation_key)
            .exclude(paragraph="")
            .values_list("paragraph", flat=True)
        )


def dropped_commented_paragraphs(page, new_draft, commented: set[str]) -> list[str]:
    """Numbers of the commented paragraphs of the page (as edited so far, and as published)
    that the new draft would no longer contain."""
    kept = {p.id for section in read_draft(new_draft) for p in section.paragraphs}
    before = read_draft(page.draft)
    published = type(page)._default_manager.filter(pk=page.pk).only("draft").first()
    if published is not None:
        before += read_draft(published.draft)
    lost = {}
    for section in before:
        for paragraph in section.paragraphs:
            if paragraph.id in commented and paragraph.id not in kept:
                lost.setdefault(paragraph.id, paragraph.number)
    return list(lost.values())


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the author)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_reason(self):
        reason = clean_line(self.cleaned_data.get("reason"))
        if not reason:
            raise forms.ValidationError(_("Please give the reason for your decision."))
        return reason


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CommentResponse.Outcome.choices)
    justification = forms.CharField(
        label=_("Justification"),
        max_length=JUSTIFICATION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say what the council did with this contribution, and why."),
    )

    def clean_justification(self):
        text = clean_multiline(self.cleaned_data.get("justification"))
        if not text:
            raise forms.ValidationError(_("A justification is required."))
        return text
