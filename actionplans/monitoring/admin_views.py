"""The editors' accreditation screen: the list of applications and one decision form per
accreditation (accredit, refuse or suspend, with a reason), saved through the service."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import EditView
from wagtail.permission_policies.base import BasePermissionPolicy

from . import services
from .forms import DecisionForm
from .models import Accreditation
from .rules import can

DECISION_LABELS = {
    services.ACCREDIT: _("Accredit"),
    services.REFUSE: _("Refuse"),
    services.SUSPEND: _("Suspend"),
}


class EditorsDecide(BasePermissionPolicy):
    """Editors list and decide; nobody adds, copies or deletes (applications come from the
    public form; history is kept)."""

    def user_has_permission(self, user, action):
        if action not in ("change", "view"):
            return False
        return can(user, "monitoring.decide_accreditation")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return [u for u in users if self.user_has_any_permission(u, actions)]

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class AccreditationDecisionForm(forms.ModelForm):
    decision = DecisionForm.base_fields["decision"]
    reason = DecisionForm.base_fields["reason"]

    class Meta:
        model = Accreditation
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = services.ALLOWED[self.instance.status]
        self.fields["decision"].choices = [
            (code, label) for code, label in DECISION_LABELS.items() if code in allowed
        ]
        self.fields["reason"].initial = ""

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if (
            decision in (services.REFUSE, services.SUSPEND)
            and not (data.get("reason") or "").strip()
        ):
            self.add_error(
                "reason", _("Please give the reason for your decision: the members see it.")
            )
        return data


class DecideView(EditView):
    template_name = "monitoring/admin/decide.html"
    success_message = _("Decision recorded; the organisation's members are emailed.")

    def get_panel(self):
        return None

    def get_form_class(self):
        return AccreditationDecisionForm

    def save_instance(self):
        return services.decide_accreditation(
            user=self.request.user,
            accreditation=self.object,
            decision=self.form.cleaned_data["decision"],
            reason=self.form.cleaned_data["reason"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["accreditation"] = self.object
        context["plan"] = self.object.plan()
        context["members"] = list(self.object.members.all())
        return context
