from django.urls import path

from vangnet.quickscan import views

app_name = "quickscan"

urlpatterns = [
    path("", views.start, name="start"),
    path("organisatie/", views.organisatie, name="organisatie"),
    path("stellingen/<slug:niveau>/", views.niveau, name="niveau"),
    path("controleren/", views.controleren, name="controleren"),
    path("resultaat/", views.resultaat, name="resultaat"),
    path("rapport.pdf", views.rapport_pdf, name="rapport"),
    path("wissen/", views.wissen, name="wissen"),
    path("bewaren/", views.bewaren, name="bewaren"),
    path("account/nieuw/", views.account_nieuw, name="account-nieuw"),
    path("account/inloggen/", views.Inloggen.as_view(), name="inloggen"),
    path("account/uitloggen/", views.Uitloggen.as_view(), name="uitloggen"),
    path("mijn-resultaten/", views.mijn_resultaten, name="mijn-resultaten"),
    path("verslag/nieuw/", views.verslag_nieuw, name="verslag-nieuw"),
    path("verslag/<int:pk>/", views.verslag_bekijken, name="verslag"),
    path("verslag/<int:pk>/verslag.pdf", views.verslag_pdf, name="verslag-pdf"),
    path("verslag/<int:pk>/delen/", views.verslag_delen, name="verslag-delen"),
    path("verslag/<int:pk>/intrekken/", views.verslag_intrekken, name="verslag-intrekken"),
    path("gedeeld/<str:sleutel>/", views.gedeeld, name="gedeeld"),
    path("verslagen/", views.verslagen_overzicht, name="verslagen"),
    path("controle/", views.controle, name="controle"),
]
