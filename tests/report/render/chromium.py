"""The browser tests' harness: Playwright for Python driving Debian's chromium.

Playwright never downloads a browser here: it starts ``/usr/bin/chromium`` (installed by
``scripts/system-deps.sh``) with the flags below. :class:`Tab` wraps one page and records
every request it makes, every console error and every uncaught exception.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")


def chromium_binary() -> str:
    """Debian's chromium, or a failing assertion that says how to install it."""
    binary = str(CHROMIUM) if CHROMIUM.is_file() else shutil.which("chromium")
    assert binary, "the browser tests need Debian's chromium: run `make system-deps`"
    return binary


@contextmanager
def chromium() -> Iterator[Browser]:
    """A headless chromium for the length of the block."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_binary(), args=list(FLAGS))
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """One page in a fresh context, with what it asked for and what went wrong in it."""

    page: Page
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        """Load ``url`` and wait until it and its fonts are ready."""
        self.page.goto(url, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def evaluate(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def wait_for(self, condition: str, seconds: float = 30) -> None:
        self.page.wait_for_function(condition, timeout=seconds * 1000)


def _console(tab: Tab, message: ConsoleMessage) -> None:
    if message.type == "error":
        tab.errors.append(f"console: {message.text}")


@contextmanager
def new_tab(
    browser: Browser,
    width: int = 1280,
    height: int = 900,
    mobile: bool = False,
    allow: str | None = None,
) -> Iterator[Tab]:
    """A page of the given size; with ``allow`` (a URL prefix), every request to anything
    else is aborted and listed in ``blocked``."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=mobile, has_touch=mobile
    )
    page = context.new_page()
    tab = Tab(page)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("console", lambda message: _console(tab, message))
    page.on("pageerror", lambda error: tab.errors.append(f"exception: {error}"))
    if allow is not None:

        def route(route: Route, request: Request) -> None:
            if request.url.startswith(allow) or request.url.startswith("data:"):
                route.continue_()
            else:
                tab.blocked.append(request.url)
                route.abort()

        context.route("**/*", route)
    try:
        yield tab
    finally:
        context.close()
