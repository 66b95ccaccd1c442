"""Addresses of the action plan's side. Every one is in the authorisation matrix
(vangnet/actieplan/tests/test_toegang.py)."""

from django.urls import path

from vangnet.actieplan import views

app_name = "actieplan"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("actie/<str:nummer>/", views.actie, name="actie"),
]
