from django import template

from accounts.zones import zone_label as _zone_label

register = template.Library()


@register.filter
def zone_label(name: str) -> str:
    """A time zone as people read it everywhere: "New York (UTC−5)"."""
    return _zone_label(name) if name else ""
