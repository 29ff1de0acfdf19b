"""Privacy in a real browser: opening the app, and moving through its pages with a draft, asks
no host but the app's own for anything, so the draft's private link never leaves the machine
(issue 12). The server runs with the app's own settings (.streamlit/config.toml) only."""

from urllib.parse import urlsplit

from tests.browser.conftest import PAGES, go_to, load_draft_file, open_app, settled


def test_no_request_goes_to_any_host_but_the_apps_own(app_server, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_app(page, app_server)
    load_draft_file(page)
    for link, title in PAGES[1:]:
        go_to(page, link, title)
    settled(page)
    # Anything sent after the page is drawn (usage statistics): until the network has been
    # quiet for half a second.
    page.wait_for_load_state("networkidle")
    own = urlsplit(app_server.url).netloc
    elsewhere = [
        url
        for url in requests
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
    ]
    assert elsewhere == []
    assert len(requests) > 10  # the recorder saw the app's own requests
