"""Who may edit what in the admin: Alice (department) everything, Bob only SFP's, Charlie only FARO's."""

import pytest
from reversion.models import Version

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.kaart.models import Aanbod

pytestmark = pytest.mark.django_db


def sfp_aanbod() -> Aanbod:
    return Aanbod.objects.filter(aanbieders__slug="sociaal-fonds-podiumkunsten").first()


def faro_aanbod() -> Aanbod:
    return (
        Aanbod.objects.filter(aanbieders__slug="faro")
        .exclude(aanbieders__slug="sociaal-fonds-podiumkunsten")
        .first()
    )


def test_the_department_sees_all_offering(client, alice):
    meld_aan_in_beheer(client, alice)
    response = client.get("/beheer/kaart/aanbod/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == Aanbod.objects.count()


def test_a_partner_sees_only_its_own_offering(client, bob):
    meld_aan_in_beheer(client, bob)
    response = client.get("/beheer/kaart/aanbod/")
    shown = {a.slug for a in response.context["cl"].result_list}
    assert shown == set(
        Aanbod.objects.filter(aanbieders__slug="sociaal-fonds-podiumkunsten").values_list(
            "slug", flat=True
        )
    )


def test_a_partner_can_edit_its_own_offering(client, bob):
    meld_aan_in_beheer(client, bob)
    assert client.get(f"/beheer/kaart/aanbod/{sfp_aanbod().pk}/change/").status_code == 200


def test_it_refuses_a_partner_the_offering_of_another_organisation(client, charlie):
    meld_aan_in_beheer(client, charlie)
    response = client.get(f"/beheer/kaart/aanbod/{sfp_aanbod().pk}/change/")
    # The admin answers as if the row does not exist: it redirects to the index with a message.
    assert response.status_code == 302


def test_a_partner_cannot_edit_the_glossary_or_organisations(client, bob):
    meld_aan_in_beheer(client, bob)
    from vangnet.begrippen.models import Begrip

    begrip = Begrip.objects.first()
    response = client.post(f"/beheer/begrippen/begrip/{begrip.pk}/change/", {"term_nl": "x"})
    assert response.status_code == 403
    assert client.get("/beheer/kaart/organisatie/add/").status_code == 403


def test_an_edit_in_the_admin_is_versioned_with_who_and_when(client, alice):
    from vangnet.begrippen.models import Begrip

    meld_aan_in_beheer(client, alice)
    begrip = Begrip.objects.get(slug="grensoverschrijdend-gedrag")
    url = f"/beheer/begrippen/begrip/{begrip.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name)
        if value is not None:
            data[name] = field.prepare_value(value) if isinstance(value, list | dict) else value
    data["verwant"] = list(begrip.verwant.values_list("pk", flat=True))
    data["definitie_nl"] = "Gedrag dat een grens van een ander overschrijdt."
    before = Version.objects.get_for_object(begrip).count()

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    begrip.refresh_from_db()
    assert begrip.definitie == "Gedrag dat een grens van een ander overschrijdt."
    versions = Version.objects.get_for_object(begrip)
    assert versions.count() == before + 1
    assert versions.first().revision.user == alice
    assert versions.first().revision.date_created is not None
