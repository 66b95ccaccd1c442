from django.http import HttpRequest
from django.urls import reverse

# The main menu's sections, by the app (URL namespace) a page belongs to. The organisation
# tools, the pool of vertrouwenspersonen and peer support are doors of the toolbox.
HOOFDSTUKKEN = {
    "wegwijzer": "wegwijzer",
    "kaart": "kaart",
    "begrippen": "begrippen",
    "toolbox": "toolbox",
    "quickscan": "toolbox",
    "verplichtingen": "toolbox",
    "vorming": "toolbox",
    "pool": "toolbox",
}
# Pages of the wegwijzer app that are the vangnet picture, not the interview.
VANGNET = {"vangnet", "poster", "eigen-poster"}


def hoofdstuk(request: HttpRequest) -> str:
    """The section of the main menu the requested page belongs to ('' for none)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.namespace == "meldingen":
        # The reporter's pages are "Melden"; the handlers' pages are in no section.
        return "melden" if match.func.__module__.endswith(("views_melder", "views_affiche")) else ""
    if match.namespace == "wegwijzer" and match.url_name in VANGNET:
        return "vangnet"
    return HOOFDSTUKKEN.get(match.namespace, "")


def site(request: HttpRequest) -> dict:
    """Values every template needs: the quick exit, the current path for the language switch
    and the main menu's section of this page."""
    return {
        "quick_exit_url": reverse("vast:snel-weg"),
        "current_path": request.get_full_path(),
        "hoofdstuk": hoofdstuk(request),
    }
