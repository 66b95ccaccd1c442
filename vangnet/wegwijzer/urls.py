from django.urls import path

from vangnet.wegwijzer import views, views_poster

app_name = "wegwijzer"

urlpatterns = [
    path("wegwijzer/", views.start, name="start"),
    path("wegwijzer/vraag/<slug:vraag_id>/", views.vraag, name="vraag"),
    path("wegwijzer/controleren/", views.controleren, name="controleren"),
    path("wegwijzer/route/", views.resultaat, name="resultaat"),
    path("wegwijzer/route/meer/", views.resultaat_meer, name="resultaat-meer"),
    path("wegwijzer/route/bewaren/", views.bewaren, name="bewaren"),
    path("wegwijzer/wissen/", views.wissen, name="wissen"),
    path("wegwijzer/iemand-vertelde-het-mij/", views.eerste_opvang, name="eerste-opvang"),
    path("vangnet/", views.vangnet, name="vangnet"),
    path("vangnet/poster.pdf", views_poster.poster, name="poster"),
    path("vangnet/poster.svg", views_poster.poster_svg, name="poster-svg"),
    path("vangnet/eigen-poster/", views_poster.eigen_poster, name="eigen-poster"),
    # The short address a poster prints for a contact point: a redirect to its kaart page.
    path("a/<slug:punt_id>/", views.kort, name="kort"),
]
