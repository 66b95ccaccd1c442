from django.urls import path

from vangnet.begrippen import views

app_name = "begrippen"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.begrip, name="begrip"),
]
