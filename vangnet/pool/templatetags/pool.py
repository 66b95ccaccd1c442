"""Labels of the pool's own code lists in templates: ``{{ lid.regios|pool_labels:"regio" }}``."""

from django import template

from vangnet.pool.choices import Discipline, Regio

register = template.Library()

_LIJSTEN = {"discipline": Discipline, "regio": Regio}


@register.filter
def pool_labels(values: list[str], lijst: str) -> list[str]:
    """Translate code values to their labels; an unknown value is shown as it is."""
    labels = dict(_LIJSTEN[lijst].choices)
    return [str(labels.get(v, v)) for v in values or []]
