from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from vangnet.core import urls as core_urls
from vangnet.core import vindbaar
from vangnet.meldingen import urls as meldingen_urls

# A database outage met outside a view (saving the session) is a 503 as well.
handler500 = "vangnet.core.storing.serverfout"

admin.site.site_header = _("Vangnet – beheer")
admin.site.site_title = _("Vangnet beheer")

# The API answers in JSON also where no route matched; other addresses get the usual page.
handler404 = "vangnet.api.views.not_found"

urlpatterns = [
    path("", include((core_urls.unprefixed_urlpatterns, "core"), namespace="vast")),
    *meldingen_urls.kort,
    # For search engines: every indexable page in each language (core/vindbaar.py).
    path("sitemap.xml", sitemap, {"sitemaps": vindbaar.SITEMAPS}, name="sitemap"),
    path("robots.txt", vindbaar.robots_txt, name="robots-txt"),
    path("api/v1/", include("vangnet.api.urls")),
    path("beheer/", admin.site.urls),
]
# The language is part of the URL (/fr/kaart/, /en/kaart/; Dutch without prefix), so a
# page in French can be shared and nothing about the visitor needs to be stored.
urlpatterns += i18n_patterns(
    path("", include("vangnet.core.urls")),
    path("kaart/", include("vangnet.kaart.urls")),
    path("begrippen/", include("vangnet.begrippen.urls")),
    path("", include("vangnet.wegwijzer.urls")),
    path("toolbox/verplichtingen/", include("vangnet.verplichtingen.urls")),
    path("toolbox/vorming/", include("vangnet.vorming.urls")),
    path("toolbox/quickscan/", include("vangnet.quickscan.urls")),
    path("vertrouwenspersonen/", include("vangnet.pool.urls")),
    path("", include("vangnet.toolbox.urls")),
    path("meldpunt-aanvragen/", include("vangnet.aanvragen.urls")),
    path("", include("vangnet.meldingen.urls")),
    path("", include("vangnet.monitoring.urls")),
    path("actieplan/", include("vangnet.actieplan.urls")),
    prefix_default_language=False,
)
