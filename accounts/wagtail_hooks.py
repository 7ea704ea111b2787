from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Membership, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "kind", "verified"]
    list_filter = ["kind", "verified", "locale"]
    search_fields = ["name", "acronym"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Organisations")
    menu_icon = "group"
    menu_order = 250
    items = (OrganisationViewSet, MembershipViewSet)


register_snippet(PeopleViewSetGroup)


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action("accounts.profile.update", _("Update profile"), _("Profile updated"))
    actions.register_action("accounts.user.delete", _("Delete account"), _("Account deleted"))
