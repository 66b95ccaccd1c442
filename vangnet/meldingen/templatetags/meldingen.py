from django import template

from vangnet.meldingen import verwijzing

register = template.Library()


@register.simple_tag
def meldontvanger(aanspreekpunt_slug: str) -> str | None:
    """The id of the Vangnet receiver that hosts this contact point, or None."""
    return verwijzing.ontvanger_voor_aanspreekpunt(aanspreekpunt_slug)
