"""Addresses of the reporting channel. Reporters at /melden/, handlers at /behandelen/.

Every address here appears in the authorisation matrix
(vangnet/meldingen/tests/test_toegangsmatrix.py), which fails on any address it does not know.
"""

from django.urls import path

from vangnet.meldingen import views_affiche, views_behandelaar, views_melder, views_team

app_name = "meldingen"

melder = [
    path("melden/", views_melder.index, name="index"),
    path("melden/opvolgen/", views_melder.opvolgen, name="opvolgen"),
    path("melden/opvolgen/afsluiten/", views_melder.afsluiten, name="afsluiten"),
    path("melden/opvolgen/<int:pk>/", views_melder.dossier, name="dossier"),
    path("melden/opvolgen/<int:pk>/bericht/", views_melder.bericht, name="bericht"),
    path(
        "melden/opvolgen/<int:pk>/toestemming/<int:toestemming>/",
        views_melder.toestemming,
        name="toestemming",
    ),
    path("melden/opvolgen/<int:pk>/wissen/", views_melder.wissen, name="wissen"),
    path(
        "melden/opvolgen/<int:pk>/bijlage/<int:bijlage>/",
        views_melder.bijlage,
        name="bijlage",
    ),
    path("melden/ontvangstbewijs/", views_melder.ontvangstbewijs_bestand, name="ontvangstbewijs"),
    path("melden/verstuurd/", views_melder.verstuurd, name="verstuurd"),
    path("melden/<slug:slug>/", views_melder.formulier, name="formulier"),
    path("melden/<slug:slug>/qr.svg", views_affiche.qr_svg, name="qr-svg"),
    path("melden/<slug:slug>/qr.png", views_affiche.qr_png, name="qr-png"),
    path("melden/<slug:slug>/affiche.pdf", views_affiche.affiche_pdf, name="affiche"),
]

behandelaar = [
    path("behandelen/", views_behandelaar.overzicht, name="overzicht"),
    path("behandelen/aanmelden/", views_behandelaar.aanmelden, name="aanmelden"),
    path("behandelen/tweede-stap/", views_behandelaar.tweede_stap, name="tweede-stap"),
    path("behandelen/inschrijven/", views_behandelaar.inschrijven, name="inschrijven"),
    path("behandelen/afmelden/", views_behandelaar.afmelden, name="afmelden"),
    path("behandelen/wachtwoord/", views_behandelaar.wachtwoord, name="wachtwoord"),
    path("behandelen/melding/<int:pk>/", views_behandelaar.melding, name="melding"),
    path(
        "behandelen/melding/<int:pk>/<slug:handeling>/",
        views_behandelaar.handeling,
        name="handeling",
    ),
    path(
        "behandelen/melding/<int:pk>/bijlage/<int:bijlage>/",
        views_behandelaar.bijlage,
        name="behandelaar-bijlage",
    ),
    path(
        "behandelen/melding/<int:pk>/samenvatting/<int:toestemming>/",
        views_behandelaar.samenvatting,
        name="samenvatting",
    ),
    path("behandelen/<slug:slug>/", views_behandelaar.inbox, name="inbox"),
    path("behandelen/<slug:slug>/team/", views_behandelaar.team, name="team"),
    path("behandelen/<slug:slug>/team/uitnodigen/", views_team.uitnodigen, name="uitnodigen"),
    path(
        "behandelen/<slug:slug>/team/<int:lid>/verwijderen/",
        views_team.verwijderen,
        name="verwijderen",
    ),
    path(
        "behandelen/<slug:slug>/team/<int:lid>/herstellen/",
        views_team.herstellen,
        name="herstellen",
    ),
]

urlpatterns = melder + behandelaar

# Outside the language prefix: the short address printed under a QR code.
kort = [path("m/<slug:slug>/", views_melder.kort, name="kort")]
