from django.urls import path

from vangnet.api import views
from vangnet.monitoring import api as monitoring_api
from vangnet.verplichtingen import api as verplichtingen_api
from vangnet.vorming import api as vorming_api

app_name = "api"

urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("aanspreekpunten", views.aanspreekpunten, name="aanspreekpunten"),
    path("aanspreekpunten/<slug:slug>", views.aanspreekpunt, name="aanspreekpunt"),
    path("aanbod", views.aanbod_lijst, name="aanbod-lijst"),
    path("aanbod/<slug:slug>", views.aanbod, name="aanbod"),
    path("organisaties", views.organisaties, name="organisaties"),
    path("begrippen", views.begrippen, name="begrippen"),
    path("zoek", views.zoeken, name="zoek"),
    path("wegwijzer", views.wegwijzer, name="wegwijzer"),
    path("verplichtingen", verplichtingen_api.verplichtingen, name="verplichtingen"),
    path("vorming", vorming_api.vorming, name="vorming"),
    path("monitoring/cijfers", monitoring_api.cijfers_view, name="monitoring-cijfers"),
    path("monitoring/aanlevering", monitoring_api.aanlevering_view, name="monitoring-aanlevering"),
    path("hsds/", views.hsds_root, name="hsds-root"),
    path("hsds/services", views.hsds_services, name="hsds-services"),
    path("hsds/services/<str:service_id>", views.hsds_service, name="hsds-service"),
    path("hsds/organizations", views.hsds_organizations, name="hsds-organizations"),
    path(
        "hsds/organizations/<str:organization_id>",
        views.hsds_organization,
        name="hsds-organization",
    ),
    path("hsds/taxonomies", views.hsds_taxonomies, name="hsds-taxonomies"),
    path("hsds/taxonomy_terms", views.hsds_taxonomy_terms, name="hsds-taxonomy-terms"),
    path("hsds/export.json", views.hsds_export, name="hsds-export"),
]
