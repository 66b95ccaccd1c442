"""Audit finding (issue 12, high #1): "A partner can revert any content of any organisation, and
nothing records it."

Every versioned admin is tried with Charlie (FARO) against a row that is not FARO's, with the
row's own version from the ``load_content`` revision (which holds ~290 objects): nothing may
change. A legitimate restore changes only its own object and is a new revision with who/when.
"""

from django.contrib import admin
from django.db.models import Q

import pytest
import reversion
from reversion.admin import VersionAdmin
from reversion.models import Revision, Version

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.begrippen.models import Begrip
from vangnet.inhoud import versie
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Organisatie
from vangnet.pool.models import Poollid
from vangnet.pool.tests.factories import PoollidFactory
from vangnet.vorming.models import Sessie
from vangnet.vorming.tests.factories import SessieFactory
from vangnet.zoeken.models import Zoekdocument

pytestmark = pytest.mark.django_db

SFP = "sociaal-fonds-podiumkunsten"


def versioned_admins() -> list[VersionAdmin]:
    return [
        admin.site.get_model_admin(model)
        for model in reversion.get_registered_models()
        if admin.site.is_registered(model)
        and isinstance(admin.site.get_model_admin(model), VersionAdmin)
    ]


def load_content_version(obj) -> Version:
    return Version.objects.get_for_object(obj).filter(revision__comment="load_content").first()


def not_faros(model):
    """A row of ``model`` that Charlie (FARO) has no business changing."""
    if model is Aanbod:
        return Aanbod.objects.filter(aanbieders__slug=SFP).exclude(aanbieders__slug="faro").first()
    if model is Aanspreekpunt:
        return (
            Aanspreekpunt.objects.filter(Q(organisatie__slug=SFP) | Q(aanbieders__slug=SFP))
            .exclude(Q(organisatie__slug="faro") | Q(aanbieders__slug="faro"))
            .first()
        )
    return model.objects.exclude(slug="faro").first() if hasattr(model, "slug") else None


def url(obj, suffix: str) -> str:
    return f"/beheer/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/{suffix}"


def test_every_versioned_admin_guards_its_history():
    # A new versioned admin inherits the guarded views, or this audit check would miss it.
    from vangnet.accounts.versiebeheer import VersieAdmin

    admins = versioned_admins()
    assert len(admins) >= 10
    assert all(isinstance(model_admin, VersieAdmin) for model_admin in admins)


def test_a_partner_cannot_revert_another_organisations_content_and_nothing_changes(client, charlie):
    # Something changed since the load, outside any revert: a whole-revision revert undoes it.
    Organisatie.objects.filter(slug=SFP).update(naam="SFP na de load")
    Begrip.objects.filter(slug="grensoverschrijdend-gedrag").update(term="Term na de load")
    with reversion.create_revision():
        # The pool and the sessions have no data file: one row each, in a revision of its own.
        lid = PoollidFactory(naam="Lid vóór")
        sessie = SessieFactory(aanbod=not_faros(Aanbod))
    eigen_revisie = {Poollid: lid, Sessie: sessie}

    meld_aan_in_beheer(client, charlie)
    tried = []
    for model_admin in versioned_admins():
        model = model_admin.model
        if model in eigen_revisie:
            obj = eigen_revisie[model]
            version = Version.objects.get_for_object(obj).first()
        else:
            obj = not_faros(model)
            assert obj is not None, model
            version = load_content_version(obj)
            assert version is not None, model
        revisions = Revision.objects.count()

        posted = client.post(url(obj, f"history/{version.pk}/"), {})
        previewed = client.get(url(obj, f"history/{version.pk}/"))

        assert posted.status_code in (403, 404), (model, posted.status_code)
        if model in (Aanbod, Aanspreekpunt, Sessie):
            # Out of Charlie's scope: as if it did not exist, like the change form.
            assert previewed.status_code == 404, model
            assert client.get(url(obj, "history/")).status_code == 404, model
        assert Revision.objects.count() == revisions, model
        assert Organisatie.objects.get(slug=SFP).naam == "SFP na de load", model
        assert Begrip.objects.get(slug="grensoverschrijdend-gedrag").term == "Term na de load"
        tried.append(model)
    assert len(tried) == len(versioned_admins())


def test_a_partner_cannot_recover_deleted_content(client, bob):
    aanbod = Aanbod.objects.filter(aanbieders__slug=SFP).first()
    version = load_content_version(aanbod)
    with reversion.create_revision():
        aanbod.delete()
    meld_aan_in_beheer(client, bob)

    assert b"/beheer/kaart/aanbod/recover/" not in client.get("/beheer/kaart/aanbod/").content
    assert client.get("/beheer/kaart/aanbod/recover/").status_code == 403
    assert client.post(f"/beheer/kaart/aanbod/recover/{version.pk}/", {}).status_code == 403
    assert not Aanbod.objects.filter(slug=aanbod.slug).exists()


def test_a_version_of_another_object_is_not_accepted_under_this_objects_address(client, bob):
    # Bob's own row in the address, another organisation's version number in the query.
    own = Aanbod.objects.filter(aanbieders__slug=SFP).first()
    other = not_faros(Organisatie)
    Organisatie.objects.filter(pk=other.pk).update(naam="Na de load")
    meld_aan_in_beheer(client, bob)

    response = client.post(url(own, f"history/{load_content_version(other).pk}/"), {})

    assert response.status_code == 404
    assert Organisatie.objects.get(pk=other.pk).naam == "Na de load"


def form_data(response) -> dict:
    """What a browser would post back for the form the admin rendered."""
    data: dict = {}

    def add(form) -> None:
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            add(form)
    return data


def test_a_partner_reverts_its_own_offering_and_only_that_one_object_with_who_and_when(client, bob):
    # SFP's alone (a shared offering lists providers Bob cannot choose in the form).
    aanbod = (
        Aanbod.objects.filter(aanbieders__slug=SFP)
        .exclude(aanbieders__in=Organisatie.objects.exclude(slug=SFP))
        .first()
    )
    oude_titel = aanbod.titel
    version = load_content_version(aanbod)
    with reversion.create_revision():
        aanbod.titel = "Een nieuwe titel"
        aanbod.save()
        begrip = Begrip.objects.get(slug="grensoverschrijdend-gedrag")
        begrip.term = "Ook nieuw"
        begrip.save()
    Organisatie.objects.filter(slug="faro").update(naam="FARO na de load")
    before = versie.huidige()
    meld_aan_in_beheer(client, bob)

    preview = client.get(url(aanbod, f"history/{version.pk}/"))
    assert preview.status_code == 200
    # The preview restores nothing.
    aanbod.refresh_from_db()
    assert aanbod.titel == "Een nieuwe titel"

    response = client.post(url(aanbod, f"history/{version.pk}/"), form_data(preview))

    assert response.status_code == 302, response.context["adminform"].form.errors
    aanbod.refresh_from_db()
    assert aanbod.titel == oude_titel
    # Only that object: the glossary term and the other organisation stay as they are.
    assert Begrip.objects.get(slug="grensoverschrijdend-gedrag").term == "Ook nieuw"
    assert Organisatie.objects.get(slug="faro").naam == "FARO na de load"
    latest = Version.objects.get_for_object(aanbod).first()
    assert latest.revision.user == bob
    assert latest.revision.date_created is not None
    assert "Teruggezet" in latest.revision.get_comment()
    assert latest.revision.version_set.count() == 1 + aanbod.prijzen.count()
    # As after any edit: the content version moves and the search index shows the old title.
    assert versie.huidige() > before
    assert Zoekdocument.objects.get(soort="aanbod", slug=aanbod.slug).titel == oude_titel


def test_the_department_reverts_a_glossary_term(client, alice):
    begrip = Begrip.objects.get(slug="grensoverschrijdend-gedrag")
    oude_term = begrip.term
    version = load_content_version(begrip)
    Begrip.objects.filter(pk=begrip.pk).update(term="Andere term")
    meld_aan_in_beheer(client, alice)

    preview = client.get(url(begrip, f"history/{version.pk}/"))
    response = client.post(url(begrip, f"history/{version.pk}/"), form_data(preview))

    assert response.status_code == 302, response.context["adminform"].form.errors
    begrip.refresh_from_db()
    assert begrip.term == oude_term
    assert Version.objects.get_for_object(begrip).first().revision.user == alice


def test_the_department_sees_and_uses_the_recover_link(client, alice):
    begrip = Begrip.objects.get(slug="grensoverschrijdend-gedrag")
    pk = begrip.pk
    with reversion.create_revision():
        begrip.delete()
    version = Version.objects.get_deleted(Begrip).get(object_id=str(pk))
    meld_aan_in_beheer(client, alice)
    assert b"/beheer/begrippen/begrip/recover/" in client.get("/beheer/begrippen/begrip/").content

    preview = client.get(f"/beheer/begrippen/begrip/recover/{version.pk}/")
    response = client.post(f"/beheer/begrippen/begrip/recover/{version.pk}/", form_data(preview))

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Begrip.objects.get(slug="grensoverschrijdend-gedrag").term == begrip.term
    assert Version.objects.get_for_object_reference(Begrip, pk).first().revision.user == alice
