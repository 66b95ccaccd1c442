"""Addresses of the requests for a reporting point (issue 16). Every one is in the
authorisation matrix (vangnet/aanvragen/tests/test_toegangsmatrix.py)."""

from django.urls import path

from vangnet.aanvragen import views

app_name = "aanvragen"

urlpatterns = [
    path("", views.mijn_aanvragen, name="mijn"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.aanvraag, name="aanvraag"),
    path("<int:pk>/klaarzetten/", views.klaarzetten, name="klaarzetten"),
    path("<int:pk>/nieuwe-link/", views.nieuwe_link, name="nieuwe-link"),
    path("departement/", views.departement, name="departement"),
    path("departement/<int:pk>/", views.beslissen, name="beslissen"),
]
