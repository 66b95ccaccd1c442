from django.urls import path

from vangnet.verplichtingen import views

app_name = "verplichtingen"

urlpatterns = [
    path("", views.index, name="index"),
]
