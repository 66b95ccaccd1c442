"""The toolbox index: every tool with one line, only the tools that exist."""

from django.urls import NoReverseMatch

import pytest

from vangnet.toolbox import views

pytestmark = pytest.mark.django_db


def test_the_index_links_the_tools_of_this_app_and_the_pool(client):
    response = client.get("/toolbox/")
    assert response.status_code == 200
    html = response.content.decode()
    for path in ("/toolbox/na-een-incident/", "/vertrouwenspersonen/", "/lotgenoten/"):
        assert f'href="{path}"' in html, path
    assert response.cookies == {}


def test_the_index_leaves_out_a_tool_whose_page_does_not_exist_yet(monkeypatch):
    echte_reverse = views.reverse

    def reverse(naam, *args, **kwargs):
        if naam == "quickscan:start":
            raise NoReverseMatch(naam)
        return echte_reverse(naam, *args, **kwargs)

    monkeypatch.setattr(views, "reverse", reverse)
    urls = [tool["url"] for tool in views._tools()]
    assert "/toolbox/na-een-incident/" in urls
    assert not any("quickscan" in url for url in urls)
