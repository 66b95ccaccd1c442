"""The roles of Vangnet's accounts, their model permissions (kept in step after every
migrate), and the public checks other apps ask: ``is_departement``, ``is_stuurgroep``,
``is_partner``, ``partner_organisaties``.

- **Departement** (Departement Cultuur, Jeugd en Media): edits all content and coordinates
  the action plan and its stuurgroep (action 1.1.a).
- **Stuurgroep**: reads the whole action plan and its figures (actions, meetings, budget,
  recommendations, monitoring); writes nothing as stuurgroep.
- **Partner**: an account on behalf of one or more organisations (``Lidmaatschap``); writes
  only its own organisation's offering, actions, figures and answers to recommendations.

A person can hold more than one role (a stuurgroep member usually also writes for their own
organisation). Every role signs in with two factors (``accounts/beheersite.py``); pages
outside the admin check the roles and both factors through ``accounts/toegang.py``.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission

from vangnet.accounts.models import DEPARTEMENT_GROUP, PARTNER_GROUP, STUURGROEP_GROUP
from vangnet.accounts.permissions import is_departement, organisatie_ids

__all__ = [
    "ensure_roles",
    "is_departement",
    "is_partner",
    "is_stuurgroep",
    "partner_organisaties",
]

# The department manages all content of the action plan.
DEPARTEMENT_PERMISSIONS = {
    "kaart": ["organisatie", "paritaircomite", "aanspreekpunt", "kanaal", "aanbod", "prijs"],
    "begrippen": ["begrip"],
    "wegwijzer": ["opvangstap"],
    "verplichtingen": ["regel"],
    "accounts": ["lidmaatschap"],
    "vorming": ["sessie"],
    "pool": ["poollid"],
    "toolbox": ["reactiestap"],
    "zoeken": ["synoniem"],
    # Receivers' public settings and the audit log; never a case's content (it is encrypted).
    "meldingen": ["ontvanger", "extravraag", "melding", "auditregel"],
}
# A partner keeps its own offering and contact points current; which rows is decided
# per organisation in kaart.admin.
PARTNER_PERMISSIONS = {
    "kaart": {
        "aanbod": ["add", "change", "delete", "view"],
        "prijs": ["add", "change", "delete", "view"],
        "aanspreekpunt": ["change", "view"],
        "kanaal": ["add", "change", "delete", "view"],
        "organisatie": ["view"],
        "paritaircomite": ["view"],
    },
    "begrippen": {"begrip": ["view"]},
    # Sessions of the partner's own offering only: vangnet/vorming/admin.py narrows them.
    "vorming": {"sessie": ["add", "change", "delete", "view"]},
    # Only SFP's partners may use these: vangnet/pool/admin.py narrows them (action 2.3.c).
    "pool": {"poollid": ["add", "change", "view"]},
}
# The stuurgroep reads; its own pages are outside the admin (/actieplan/, /monitoring/).
# An app that gives the stuurgroep something to read in the admin adds its models here.
STUURGROEP_PERMISSIONS: dict[str, dict[str, list[str]]] = {}


def is_stuurgroep(user: AbstractBaseUser | AnonymousUser) -> bool:
    """A member of the stuurgroep, or the department that coordinates it (action 1.1.a):
    may read every action, meeting, budget line, recommendation and figure."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_departement(user) or user.groups.filter(name=STUURGROEP_GROUP).exists()


def partner_organisaties(user: AbstractBaseUser | AnonymousUser) -> set[int]:
    """The ids of the organisations (``kaart.Organisatie``) this account writes for: its own
    actions, figures and answers to recommendations. Empty for anyone else."""
    return organisatie_ids(user)


def is_partner(user: AbstractBaseUser | AnonymousUser) -> bool:
    """An account that writes on behalf of at least one organisation."""
    return bool(partner_organisaties(user))


def _permissions(wanted: dict[str, dict[str, list[str]]]) -> list[Permission]:
    found: list[Permission] = []
    for app_label, models in wanted.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            found += Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename__in=codenames
            )
    return found


def ensure_roles(**kwargs) -> None:
    """Create the groups and give them exactly their permissions (idempotent)."""
    departement, _ = Group.objects.get_or_create(name=DEPARTEMENT_GROUP)
    perms = Permission.objects.filter(
        content_type__app_label__in=DEPARTEMENT_PERMISSIONS,
    )
    wanted = [
        p
        for p in perms
        if p.content_type.model in DEPARTEMENT_PERMISSIONS[p.content_type.app_label]
    ]
    departement.permissions.set(wanted)

    partner, _ = Group.objects.get_or_create(name=PARTNER_GROUP)
    partner.permissions.set(_permissions(PARTNER_PERMISSIONS))

    stuurgroep, _ = Group.objects.get_or_create(name=STUURGROEP_GROUP)
    stuurgroep.permissions.set(_permissions(STUURGROEP_PERMISSIONS))
