from django.urls import path

from vangnet.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("veilig-surfen/", views.veilig_surfen, name="veilig-surfen"),
]

# Outside the language prefix: one exit address whatever the page's language.
unprefixed_urlpatterns = [
    path("weg/", views.snel_weg, name="snel-weg"),
    path("gezond", views.gezond, name="gezond"),
    path("gereed", views.gereed, name="gereed"),
]
