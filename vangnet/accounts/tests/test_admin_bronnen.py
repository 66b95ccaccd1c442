"""Audit finding (issue 12, low): "Admin change pages reference an outdated jQuery UI on a
third-party host, which the CSP blocks (and which breaks the translation tabs)."

Every admin page is read as a superuser: nothing it loads (scripts, styles, images, frames)
may come from another host.
"""

from html.parser import HTMLParser

from django.apps import apps
from django.contrib import admin

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer

pytestmark = pytest.mark.django_db

# Which attribute of which tag makes the browser fetch something.
LOADS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attribute = LOADS.get(tag)
        if tag == "link" and ("rel", "stylesheet") not in attrs and ("rel", "icon") not in attrs:
            return  # a plain link to a page is not a load
        for name, value in attrs:
            if name == attribute and value:
                self.addresses.append(value)


def loads(html: str) -> list[str]:
    parser = _Loads()
    parser.feed(html)
    return parser.addresses


def admin_pages() -> list[str]:
    pages = ["/beheer/"]
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        base = f"/beheer/{model._meta.app_label}/{model._meta.model_name}/"
        pages += [base, f"{base}add/"]
        obj = model.objects.first()
        if obj is not None:
            pages += [f"{base}{obj.pk}/change/", f"{base}{obj.pk}/history/"]
    return pages


def test_no_admin_page_loads_anything_from_another_host(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="root-wachtwoord-lang")
    meld_aan_in_beheer(client, root)
    checked = 0
    for page in admin_pages():
        response = client.get(page)
        if response.status_code != 200:
            continue  # an admin without an add page, say
        foreign = [a for a in loads(response.content.decode()) if a.startswith(("//", "http"))]
        assert foreign == [], page
        checked += 1
    assert checked > 20
