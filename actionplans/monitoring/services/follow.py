from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from actionplans.models import ActionPlanPage

from ..models import Follow
from ..rules import can


def follow_page(*, user, page, follow: bool = True) -> bool:
    """Follow (or stop following) a plan or commitment, on every language version."""
    if not can(user, "monitoring.follow_page", page):
        raise PermissionDenied
    target_type = (
        Follow.TargetType.PLAN if isinstance(page, ActionPlanPage) else Follow.TargetType.COMMITMENT
    )
    with transaction.atomic():
        if follow:
            try:
                with transaction.atomic():
                    Follow.objects.create(
                        user=user, target_key=page.translation_key, target_type=target_type
                    )
            except IntegrityError:
                return True
        else:
            Follow.objects.filter(user=user, target_key=page.translation_key).delete()
        log(
            instance=page,
            action="monitoring.follow" if follow else "monitoring.unfollow",
            user=user,
        )
    return follow
