from django import template

from tracking.models import Session

register = template.Library()


@register.inclusion_tag("tracking/includes/unfinished.html", takes_context=True)
def unfinished_session(context) -> dict:
    """The "You have an unfinished …: Resume / End it" notice, when there is one."""
    request = context["request"]
    user = request.user
    active = None
    if user.is_authenticated:
        active = Session.objects.for_user(user).unfinished().select_related("routine").first()
    return {"active": active, "request": request}


@register.filter
def mmss(seconds) -> str:
    """90 -> "1:30"."""
    try:
        total = max(0, int(round(float(seconds))))
    except (TypeError, ValueError):
        return ""
    return f"{total // 60}:{total % 60:02d}"


@register.filter
def signed(value) -> str:
    """A pain change with its sign: -2, +1, 0."""
    if value is None:
        return ""
    return f"{value:+d}" if value else "0"
