"""Writes the audit log: every read and change of a case, by whom and when.

Details are codes and numbers, never content: the log is readable by the department.
"""

from django.contrib.auth.models import AbstractBaseUser

from vangnet.meldingen.choices import Auteur
from vangnet.meldingen.models import Auditregel, Melding, Ontvanger


def noteer(
    melding: Melding | None,
    handeling: str,
    *,
    gebruiker: AbstractBaseUser | None = None,
    actor: str | None = None,
    ontvanger: Ontvanger | None = None,
    detail: str = "",
) -> Auditregel:
    """Append one line. Without a user, the actor is the party (reporter) or the system."""
    if actor is None:
        actor = Auteur.BEHANDELAAR if gebruiker else Auteur.SYSTEEM
    return Auditregel.objects.create(
        melding=melding,
        ontvanger=ontvanger or (melding.ontvanger if melding else None),
        actor=actor,
        gebruiker=gebruiker,
        handeling=handeling,
        detail=detail[:200],
    )
