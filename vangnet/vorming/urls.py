from django.urls import path

from vangnet.vorming import views

app_name = "vorming"

urlpatterns = [
    path("", views.index, name="index"),
    path("sessies.ics", views.sessies_ics, name="sessies"),
]
