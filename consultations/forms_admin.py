"""The consultation page's editing form: paste a long draft to split it into sections."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .draft import read_draft
from .draft_import import build_stream_data, parse_draft_source


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
        if not source:
            return cleaned_data
        from .models.comments import Comment

        try:
            parsed = parse_draft_source(source)
            existing = read_draft(self.instance.draft) if self.instance.pk else []
            commented = set()
            if self.instance.pk:
                commented = set(
                    Comment.objects.for_target(self.instance.translation_key)
                    .exclude(paragraph="")
                    .values_list("paragraph", flat=True)
                )
            data = build_stream_data(parsed, existing, commented)
        except forms.ValidationError as error:
            self.add_error("draft_source", error)
            return cleaned_data
        stream_block = self.instance._meta.get_field("draft").stream_block
        cleaned_data["draft"] = stream_block.to_python(data)
        cleaned_data["draft_source"] = ""
        return cleaned_data
