"""Admin forms: they give the page being created the plan it will join, so that the model's own
validation (unique code within the plan) also runs in the create view, where the page has no
place in the tree yet."""

from wagtail.admin.forms import WagtailAdminPageForm


class CommitmentPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.parent_page is not None:
            self.instance.plan_for_validation = self.parent_page
        # Organisations are translatable snippets, one row per language: offer the page's own.
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id:
            for name in ("partners", "lead_institution"):
                if name in self.fields:
                    field = self.fields[name]
                    field.queryset = field.queryset.filter(locale_id=locale_id)
