"""AppTest sessions have no cookies: each is given the browser id of one browser, as Streamlit's XSRF cookie gives a
real one (a browser without one restores nothing, ``core.ui.session.start_session``)."""
from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest

from core.ui import session

APPTEST_BROWSER = "apptest-browser"


@pytest.fixture(autouse=True)
def one_browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real = session.browser_id

    def browser_id(cookies: Mapping[str, str]) -> str:
        return real(cookies) if cookies else APPTEST_BROWSER

    monkeypatch.setattr(session, "browser_id", browser_id)
    yield
