"""The shipped nginx config (deploy/response-builder.nginx.conf), run as written by bench/proxy.py
in front of an app process, in real Chromium: every page carries Referrer-Policy: no-referrer and
the usual security headers, and after a session that opens a draft by its link, opens the letter
and downloads Word, nginx's access log holds neither the draft's id nor any query string."""

import time

import pytest
from playwright.sync_api import expect

from bench.appserver import AppServer
from bench.proxy import Proxy
from drafting import ChosenReason, Draft
from drafting.store import DraftStore
from drafting.store.limits import CLIENT_HEADER_ENV
from tests.browser.conftest import go_to, heading

SECURITY_HEADERS = {
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "content-security-policy": "frame-ancestors 'self'",
}


@pytest.fixture
def proxied(tmp_path):
    app = AppServer(tmp_path / "app", env={CLIENT_HEADER_ENV: "X-Real-IP"})
    app.data.mkdir()
    proxy = Proxy(tmp_path / "proxy", [])
    try:
        app.start()
        proxy.ports = [app.port]
        proxy.start()
        yield app, proxy
    finally:
        proxy.stop()
        app.stop()


@pytest.fixture(autouse=True)
def patient():
    """Wait up to 30 s for what should appear: a busy machine runs a first page slowly."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def test_nginx_sends_no_referrer_and_logs_no_draft_link(proxied, page, tmp_path):
    app, proxy = proxied
    with DraftStore(app.data) as store:
        draft_id, _ = store.create(
            Draft(reasons=[ChosenReason(20, "Our lunch club fed forty people a week.")])
        )
    referrers = []
    page.on("request", lambda request: referrers.append(request.headers.get("referer", "")))

    response = page.goto(f"{proxy.url}/?draft={draft_id}")
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    expect(heading(page, "Response Builder")).to_be_visible()
    go_to(page, "Your letter")
    with page.expect_download() as download:
        page.get_by_role("button", name="Word (.docx)", exact=True).click()
    download.value.save_as(tmp_path / "letter.docx")
    assert (tmp_path / "letter.docx").read_bytes().startswith(b"PK")
    assert draft_id in page.url
    page.goto("about:blank")  # nginx logs the websocket when it closes

    assert not any(referrers)  # the browser sent no referrer, with or without the link
    deadline = time.monotonic() + 15
    while '"GET /_stcore/stream" 101 ' not in (log := proxy.access_log()):
        assert time.monotonic() < deadline, "no websocket in nginx's log"
        time.sleep(0.1)
    assert len(log.splitlines()) > 10
    assert draft_id not in log and "?" not in log and "draft=" not in log
    assert "media" in log  # the Word file's request is there, without the link
