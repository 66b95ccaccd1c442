"""Addresses of the figures. Every one is in the authorisation matrix
(vangnet/monitoring/tests/test_toegang.py)."""

from django.urls import path

from vangnet.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("monitoring/", views.publiek, name="publiek"),
    path("monitoring/<slug:wat>.<str:formaat>", views.publiek_export, name="publiek-export"),
    path("monitoring/aanleveren/", views.aanleveren, name="aanleveren"),
    path("monitoring/aanleveren/sjabloon.csv", views.sjabloon, name="sjabloon"),
    path("monitoring/beleid/", views.beleid, name="beleid"),
    path("monitoring/beleid/<slug:wat>.<str:formaat>", views.beleid_export, name="beleid-export"),
    path("monitoring/ontvanger/", views.ontvangers, name="ontvangers"),
    path("monitoring/ontvanger/<slug:slug>/", views.ontvanger, name="ontvanger"),
    path(
        "monitoring/ontvanger/<slug:slug>/<slug:wat>.<str:formaat>",
        views.ontvanger_export,
        name="ontvanger-export",
    ),
]
