"""The built site in headless Chromium: search, offline use and accessibility (axe-core)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sitebuild import copy_corpus, opsc

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed"),
]
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_corpus(tmp_path_factory.mktemp("browser") / "project")
    result = opsc(project, "build", "--only", "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield instance
        instance.close()


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=20)
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta') &&"
        " !/Type to start|Initializing/.test(document.querySelector('.md-search-result__meta').innerText)",
        timeout=15000,
    )
    page.wait_for_timeout(400)
    return [item.inner_text() for item in page.locator(".md-search-result__item").all()]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Benin", "Benin"),  # a country name
        ("jurisdiction", "Argentina"),  # subject-area words
        ("3(1)(c)", "Argentina"),  # a provision id with parentheses
        ("article 8", "Article 8"),  # an article
    ],
)
def test_search_finds(browser, base_url: str, query: str, expected: str) -> None:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + "index.html")
    results = search(page, query)
    page.close()
    assert any(expected in r for r in results), results
    assert all(url.startswith(base_url) or url.startswith("data:") for url in requests), requests


def test_search_works_offline_from_disk(browser, site: Path) -> None:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto((site / "index.html").as_uri())
    results = search(page, "Benin")
    page.close()
    assert any("Benin" in r for r in results), results


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "reports/argentina/index.html",
        "compare/index.html",
        "provisions/article-3/index.html",
        "guide/introduction/index.html",
    ],
)
@pytest.mark.parametrize("viewport", [(1300, 900), (390, 844)], ids=["desktop", "phone"])
def test_no_serious_accessibility_violation(browser, base_url: str, path: str, viewport) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(base_url + path)
    results = Axe().run(page)
    page.close()
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []


def test_report_columns_stack_on_a_phone(browser, base_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base_url + "reports/argentina/index.html")
    boxes = page.eval_on_selector_all(
        "#definitions ~ * , .opsc-area:first-of-type .opsc-area__col",
        "els => els.filter(e => e.classList.contains('opsc-area__col'))"
        ".map(e => e.getBoundingClientRect()).map(r => [r.left, r.width])",
    )
    page.close()
    assert len(boxes) == 3
    assert len({round(left) for left, _ in boxes}) == 1  # one column: same left edge
    assert all(width > 300 for _, width in boxes)
