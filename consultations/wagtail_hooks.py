from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from .admin_views import CommentModerationViewSet, CommentPermissionPolicy, CommentResponseViewSet
from .models import Comment

register_permission_policy(Comment, CommentPermissionPolicy(Comment))


class ParticipationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Participation")
    menu_icon = "comment"
    menu_order = 260
    items = (CommentModerationViewSet, CommentResponseViewSet)


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return ParticipationViewSetGroup()


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("consultations.comment.post", _("Post comment"), _("Comment posted"))
    actions.register_action(
        "consultations.comment.report", _("Report comment"), _("Comment reported")
    )
    actions.register_action(
        "consultations.comment.auto_hide",
        _("Hide comment pending review"),
        _("Comment hidden pending review after reports"),
    )
    actions.register_action("consultations.comment.hide", _("Hide comment"), _("Comment hidden"))
    actions.register_action(
        "consultations.comment.restore", _("Restore comment"), _("Comment restored")
    )
    actions.register_action(
        "consultations.response.draft", _("Draft response"), _("Reasoned response drafted")
    )
    actions.register_action(
        "consultations.response.publish",
        _("Publish response"),
        _("Reasoned response published"),
    )
