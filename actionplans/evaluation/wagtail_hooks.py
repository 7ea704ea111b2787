"""The admin of co-evaluation: editors create and edit rounds with Wagtail's ModelViewSet, and
move them from state to state (open, close, publish) on a small screen that calls the service."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry

from . import services
from .models import EvaluationRound
from .rules import can


class StateForm(forms.Form):
    state = forms.ChoiceField(choices=EvaluationRound.State.choices, widget=forms.HiddenInput)


class RoundStateView(WagtailAdminTemplateMixin, FormView):
    template_name = "evaluation/admin/state.html"
    form_class = StateForm
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, "evaluation.manage_evaluationround"):
            raise PermissionDenied
        self.evaluation_round = get_object_or_404(EvaluationRound, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("State of the evaluation round")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        evaluation_round = self.evaluation_round
        context.update(
            evaluation_round=evaluation_round,
            plan=evaluation_round.plan(),
            transitions=[
                (state, EvaluationRound.State(state).label)
                for state in EvaluationRound.State.values
                if state in services.TRANSITIONS[evaluation_round.state]
            ],
            history=ModelLogEntry.objects.filter(
                content_type__app_label="evaluation",
                content_type__model="evaluationround",
                object_id=str(evaluation_round.pk),
            )
            .select_related("user")
            .order_by("-timestamp")[:20],
            public_url=reverse("evaluation:round", args=[evaluation_round.pk]),
        )
        return context

    def form_valid(self, form):
        try:
            services.change_round_state(
                user=self.request.user,
                evaluation_round=self.evaluation_round,
                state=form.cleaned_data["state"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The round's state is changed."))
        return redirect("evaluation_rounds:state", pk=self.evaluation_round.pk)


class EvaluationRoundViewSet(ModelViewSet):
    model = EvaluationRound
    name = "evaluation_rounds"
    url_prefix = "evaluation-rounds"
    icon = "tasks"
    menu_label = gettext_lazy("Evaluation rounds")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        "kind",
        "state",
        Column("plan_title", label=gettext_lazy("Action plan"), accessor="plan"),
        "feedback_closes_on",
    ]
    list_filter = ["kind", "state"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("state/<int:pk>/", RoundStateView.as_view(), name="state")
        ]


@hooks.register("register_admin_viewset")
def register_evaluation_viewset():
    return EvaluationRoundViewSet()


@hooks.register("register_log_actions")
def register_evaluation_log_actions(actions):
    for state, label in (
        ("open", _("Open evaluation round")),
        ("closed", _("Close evaluation round")),
        ("published", _("Publish evaluation round")),
    ):
        actions.register_action(f"evaluation.round.{state}", label, label)
    actions.register_action(
        "evaluation.assessment.save", _("Save assessment"), _("Assessment saved")
    )
    actions.register_action(
        "evaluation.assessment.submit", _("Submit assessment"), _("Assessment submitted")
    )
    actions.register_action(
        "evaluation.assessment.revise", _("Revise assessment"), _("Assessment revision started")
    )
    actions.register_action(
        "evaluation.feedback.give", _("Give feedback"), _("Citizen feedback given")
    )
