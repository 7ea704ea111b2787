from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import DecideView, EditorsDecide
from .models import Accreditation
from .rules import can


class AccreditationViewSet(ModelViewSet):
    model = Accreditation
    icon = "group"
    menu_label = _("Accreditations")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = DecideView
    list_display = [
        Column("organisation_name", label=_("Organisation"), accessor="organisation_name"),
        Column("plan_title", label=_("Plan"), accessor="plan_title"),
        "status",
        "registration_number",
        "applied_at",
        "decided_at",
    ]
    list_filter = ["status"]
    search_fields = [
        "organisation__name",
        "new_organisation_name",
        "registration_number",
        "contact_name",
    ]
    form_fields = []


register_permission_policy(Accreditation, EditorsDecide(Accreditation))


accreditation_viewset = AccreditationViewSet("accreditations")


@hooks.register("register_admin_urls")
def register_import_urls():
    from . import import_views

    return [
        path("monitoring/import/", import_views.choose_plan, name="monitoring_import"),
        path(
            "monitoring/import/<int:plan_id>/",
            import_views.import_plan,
            name="monitoring_import_plan",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "monitoring.import_reports")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import progress"), reverse("monitoring_import"), icon_name="upload", order=261
    )


@hooks.register("register_admin_viewset")
def register_accreditation_viewset():
    return accreditation_viewset


@hooks.register("register_log_actions")
def register_monitoring_log_actions(actions):
    actions.register_action(
        "monitoring.accreditation.apply", _("Apply for accreditation"), _("Applied")
    )
    actions.register_action("monitoring.accreditation.accredit", _("Accredit"), _("Accredited"))
    actions.register_action("monitoring.accreditation.refuse", _("Refuse"), _("Refused"))
    actions.register_action("monitoring.accreditation.suspend", _("Suspend"), _("Suspended"))
    actions.register_action("monitoring.report.post", _("Post a report"), _("Report posted"))
    actions.register_action(
        "monitoring.report.correct", _("Correct a report"), _("Correction posted")
    )
    actions.register_action("monitoring.report.hide", _("Hide a report"), _("Report hidden"))
    actions.register_action("monitoring.follow", _("Follow"), _("Followed"))
    actions.register_action("monitoring.unfollow", _("Stop following"), _("Unfollowed"))
    actions.register_action("monitoring.import", _("Import reports"), _("Reports imported"))
    actions.register_action(
        "monitoring.periodic.publish",
        _("Publish a monitoring report"),
        _("Monitoring report published"),
    )
