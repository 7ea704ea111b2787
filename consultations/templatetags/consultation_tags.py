from django import template
from django.template.defaultfilters import linebreaksbr, urlize

from home.languages import language_name

from ..rules import can as can_do

register = template.Library()


@register.filter
def comment_text(text: str) -> str:
    """Plain text with clickable links: everything else is escaped."""
    return linebreaksbr(urlize(text or "", autoescape=True), autoescape=True)


@register.simple_tag
def can(user, permission: str, obj=None) -> bool:
    return can_do(user, permission, obj)


@register.simple_tag
def language_label(code: str) -> str:
    """The language's name in the page's language (home.languages)."""
    return language_name(code)


@register.inclusion_tag("consultations/includes/page_comments.html", takes_context=True)
def comment_thread(context, page):
    """The comment thread of a page without a draft (a commitment), paginated."""
    from ..models.comments import Comment
    from ..threads import thread_context

    request = context["request"]
    comments = Comment.objects.for_target(page.translation_key)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "page": page,
        "user": request.user,
        **thread_context(request, page, comments),
    }
