"""Fixtures of the public-mode page tests: one store of the demo with a draft document, and a public
and a council app on it."""
from __future__ import annotations

import pytest

from dashboard.config.settings import Settings
from dashboard.store.database import open_engine
from dashboard.store.publishing import set_document_status
from dashboard.web.app_factory import create_app
from tests.helpers import logged_in

DRAFT = (2024, "jaarrekening")


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('public') / 'store.sqlite'}"
    create_app(Settings(database_url=url))  # loads the demo
    assert set_document_status(open_engine(url), *DRAFT, "draft")
    return url


@pytest.fixture(scope="module")
def public_client(store_url):
    return logged_in(create_app(Settings(database_url=store_url, mode="public", language="en")))


@pytest.fixture(scope="module")
def council_client(store_url):
    return logged_in(create_app(Settings(database_url=store_url, mode="council", language="en")))
