"""Headless Chromium for the HTML report's tests and benchmark: Debian's `chromium`, driven by Playwright.

The browser is the system's (`/usr/bin/chromium`, installed by `.ci/run`), never one Playwright
downloads. Its flags keep it off the network: no background requests, no component updates, no
sync, no QUIC; a fresh profile each time.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium, or None when it is not installed."""
    for name in (os.environ.get("CLAIMCHECK_CHROMIUM", ""), "/usr/bin/chromium", "chromium", "chromium-browser"):
        found = name and shutil.which(name)
        if found:
            return found
    return None


@dataclass
class Events:
    """What the page did that it should not: dialogs opened, console errors, uncaught exceptions."""

    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the page asked for


@contextmanager
def browser_page(executable: str, *, dark: bool = False, width: int = 1280, height: int = 900) -> Iterator[tuple[Any, Events]]:
    """A fresh page in a fresh headless Chromium (its own profile folder), and what it records."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=executable, args=CHROMIUM_ARGS, headless=True,
                viewport={"width": width, "height": height}, color_scheme="dark" if dark else "light")
            try:
                page = context.pages[0] if context.pages else context.new_page()
                events = Events()

                def on_dialog(dialog: Any) -> None:
                    events.dialogs.append(f"{dialog.type}: {dialog.message}")
                    dialog.dismiss()

                page.on("dialog", on_dialog)
                page.on("console", lambda m: events.console_errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: events.page_errors.append(str(e)))
                page.on("request", lambda r: events.requests.append(r.url))
                yield page, events
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
