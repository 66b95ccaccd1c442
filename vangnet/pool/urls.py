from django.urls import path

from vangnet.pool import views

app_name = "pool"

# Included under /vertrouwenspersonen/ (vangnet/urls.py).
urlpatterns = [
    path("", views.index, name="index"),
    path("mijn-profiel/", views.mijn_profiel, name="mijn-profiel"),
    path("aanmelden/", views.Aanmelden.as_view(), name="aanmelden"),
    path("afmelden/", views.Afmelden.as_view(), name="afmelden"),
]
