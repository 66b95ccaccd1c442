from django.urls import path

from vangnet.toolbox import views

app_name = "toolbox"

# Included at the site root (vangnet/urls.py).
urlpatterns = [
    path("toolbox/", views.index, name="index"),
    path("toolbox/na-een-incident/", views.na_een_incident, name="na-een-incident"),
    path("lotgenoten/", views.lotgenoten, name="lotgenoten"),
]
