from django.urls import path

from vangnet.kaart import views

app_name = "kaart"

urlpatterns = [
    path("", views.index, name="index"),
    path("aanspreekpunt/<slug:slug>/", views.aanspreekpunt, name="aanspreekpunt"),
    path("aanbod/<slug:slug>/", views.aanbod, name="aanbod"),
    path("organisaties/", views.organisaties, name="organisaties"),
    path("organisatie/<slug:slug>/", views.organisatie, name="organisatie"),
    path("gelijke-toegang/", views.gelijke_toegang, name="gelijke-toegang"),
]
