"""The two content roles and their model permissions, kept in step after every migrate."""

from django.contrib.auth.models import Group, Permission

from vangnet.accounts.models import DEPARTEMENT_GROUP, PARTNER_GROUP

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
    wanted = []
    for app_label, models in PARTNER_PERMISSIONS.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            wanted += Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename__in=codenames
            )
    partner.permissions.set(wanted)
