from django import template

register = template.Library()


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
