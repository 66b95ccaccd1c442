"""Fixtures of the tests that use the live site (vangnet/core/tests/livesite.py).

Defined once here, so `live_site` starts once per test run whatever the number of modules
that use it (a fixture imported into each module would be one fixture per module).
"""

from collections.abc import Iterator

import pytest

from vangnet.core.tests import livesite
from vangnet.core.tests.livesite import LiveSite, open_page_in_new_context


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """Vangnet as in production (settings, gunicorn, HTTPS, the run's kind of database)."""
    yield from livesite.start_live_site(tmp_path_factory)


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, headless. Module-scoped on purpose: while Playwright's sync API is
    active its event loop counts as running, and Django would refuse database access in
    the tests that run after this module."""
    yield from livesite.start_chromium()


@pytest.fixture
def new_page(chromium, live_site: LiveSite):
    """Open offline pages, each in its own browser context: `new_page()`,
    `new_page(java_script_enabled=False)`; `page.context` is the context. Closed after."""
    pages = []

    def make(**context_options):
        pages.append(open_page_in_new_context(chromium, live_site, **context_options))
        return pages[-1]

    yield make
    for page in pages:
        page.context.close()


@pytest.fixture
def page(new_page):
    """An offline page with JavaScript, in a fresh browser context."""
    return new_page()


@pytest.fixture(scope="module")
def shared_page(chromium, live_site: LiveSite):
    """One offline page for tests that only look (axe, the quick exit's place): opening a
    context per page costs more than the look itself."""
    page = open_page_in_new_context(chromium, live_site)
    yield page
    page.context.close()
