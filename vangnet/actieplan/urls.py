"""Addresses of the action plan's side. Every one is in the authorisation matrix
(vangnet/actieplan/tests/test_toegang.py)."""

from django.urls import path

from vangnet.actieplan import views

app_name = "actieplan"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("actie/<str:nummer>/", views.actie, name="actie"),
    path("vergaderingen/", views.vergaderingen, name="vergaderingen"),
    path("vergaderingen.ics", views.agenda_ics, name="agenda"),
    path("agenda/abonnement/", views.agenda_abonnement, name="agenda-abonnement"),
    path(
        "agenda/<str:sleutel>/vergaderingen.ics",
        views.agenda_abonnement_ics,
        name="agenda-abonnement-ics",
    ),
    path("vergadering/<int:pk>/", views.vergadering, name="vergadering"),
    path("begroting/", views.begroting, name="begroting"),
    path("aanbevelingen/", views.aanbevelingen, name="aanbevelingen"),
    path("aanbeveling/<int:pk>/", views.aanbeveling, name="aanbeveling"),
    path("rapport/", views.tussentijds_rapport, name="rapport"),
    path("rapport.pdf", views.tussentijds_rapport_pdf, name="rapport-pdf"),
]
