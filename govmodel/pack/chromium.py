"""Headless Chromium (Debian's ``chromium``) driven over the DevTools protocol.

The browser is started with ``--remote-debugging-pipe``: commands go in on file
descriptor 3 and answers come out on 4, as NUL-terminated JSON, so no port is
opened and no extra Python package is needed. :func:`print_pdf` prints a page
to PDF with the page's own CSS page sizes; :func:`inspect` loads a page and
reports console errors, what a script finds on it, and a screenshot.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs

from govmodel.errors import BrowserMissing, GovModelError

__all__ = ["Browser", "BrowserMissing", "Inspection", "find_chromium", "inspect", "print_pdf"]

_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
)


def find_chromium() -> str:
    """The Chromium executable: ``$GOVMODEL_CHROMIUM``, else ``chromium`` (Debian),
    ``chromium-browser`` or ``google-chrome`` on the ``PATH``."""
    wanted = os.environ.get("GOVMODEL_CHROMIUM")
    for name in ([wanted] if wanted else []) + ["chromium", "chromium-browser", "google-chrome"]:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserMissing(
        "Chromium is not installed, so the PDF cannot be printed. Install Debian's package "
        "(`apt-get install chromium`; `make setup` does this), set GOVMODEL_CHROMIUM to "
        "another Chromium, or write .html or .docx instead."
    )


class Browser:
    """One headless Chromium with one page, closed on leaving a ``with`` block."""

    def __init__(self, *, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="govmodel-chromium-")
        commands_r, commands_w = os.pipe()
        replies_r, replies_w = os.pipe()

        def plumb() -> None:  # in the child: the pipes become fds 3 and 4
            a = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(replies_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self._proc = subprocess.Popen(
            [
                find_chromium(),
                *_FLAGS,
                f"--user-data-dir={self._profile.name}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            preexec_fn=plumb,
            pass_fds=(3, 4),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_r)
        os.close(replies_w)
        self._out = commands_w
        self._in = replies_r
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable", session=self.session)

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise GovModelError("Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise GovModelError("Chromium closed unexpectedly")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None
    ) -> dict[str, Any]:
        """Send one command and return its result (events met meanwhile are kept)."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise GovModelError(f"Chromium: {method} failed: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for the next event ``method`` (e.g. ``Page.loadEventFired``)."""
        deadline = time.monotonic() + self.timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read(deadline))

    def open(self, path: str | os.PathLike[str], *, width: int = 1200, height: int = 900) -> None:
        """Load a local file and wait until it has loaded."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=self.session,
        )
        self.events.clear()
        self.send("Page.navigate", {"url": Path(path).resolve().as_uri()}, session=self.session)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True},
            session=self.session,
        )
        if "exceptionDetails" in reply:
            raise GovModelError(f"script failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries seen so far."""
        out = []
        for event in self.events:
            params = event.get("params", {})
            if event.get("method") == "Runtime.consoleAPICalled" and params.get("type") in (
                "error",
                "assert",
            ):
                out.append(" ".join(str(a.get("value", a)) for a in params.get("args", [])))
            elif event.get("method") == "Runtime.exceptionThrown":
                out.append(str(params.get("exceptionDetails", {}).get("text", params)))
            elif event.get("method") == "Log.entryAdded":
                entry = params.get("entry", {})
                if entry.get("level") == "error":
                    out.append(f"{entry.get('source')}: {entry.get('text')}")
        return out

    def screenshot(self, *, full_page: bool = True) -> bytes:
        """A PNG of the page (the whole page, by default)."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        return base64.b64decode(
            self.send("Page.captureScreenshot", params, session=self.session)["data"]
        )

    def pdf(self) -> bytes:
        """The page printed to PDF with its CSS page sizes and backgrounds."""
        reply = self.send(
            "Page.printToPDF",
            {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False},
            session=self.session,
        )
        return base64.b64decode(reply["data"])

    def close(self) -> None:
        """Close the browser and remove its profile."""
        with contextlib.suppress(GovModelError):
            self.send("Browser.close")
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._out, self._in):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._profile.cleanup()


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:[0-9]{14}[^)]{0,12})\)")


def print_pdf(html_path: str | os.PathLike[str], *, on: date | None = None) -> bytes:
    """Print a local HTML file to PDF with headless Chromium.

    Chromium stamps the PDF with the time it was printed; with ``on`` the stamps
    become midnight UTC of that date (the answer's date), so the same pack prints
    to the same bytes. The stamps are rewritten in place, at the same length, so
    the PDF's cross-reference offsets stay right.
    """
    with Browser() as browser:
        browser.open(html_path)
        data = browser.pdf()
    return data if on is None else fix_pdf_dates(data, on)


def fix_pdf_dates(data: bytes, on: date) -> bytes:
    """``data`` with its creation and modification stamps set to ``on``, 00:00 UTC.

    >>> fix_pdf_dates(b"<</CreationDate (D:20261201112620+00'00')>>", date(2023, 4, 1))
    b"<</CreationDate (D:20230401000000+00'00')>>"
    """

    def fixed(match: re.Match[bytes]) -> bytes:
        stamp = f"D:{on:%Y%m%d}000000+00'00'".encode()
        old = match.group(2)
        if len(stamp) != len(old):  # keep the length: never shift the xref offsets
            stamp = (stamp + b" " * len(old))[: len(old)]
        return b"/" + match.group(1) + b" (" + stamp + b")"

    return _PDF_DATE.sub(fixed, data)


@attrs.frozen
class Inspection:
    """What a browser saw on a page."""

    errors: tuple[str, ...]
    found: Any
    screenshot: bytes


def inspect(path: str | os.PathLike[str], expression: str = "null") -> Inspection:
    """Load ``path``, evaluate ``expression`` there, take a full-page screenshot."""
    with Browser() as browser:
        browser.open(path)
        found = browser.evaluate(expression)
        shot = browser.screenshot()
        return Inspection(tuple(browser.console_errors()), found, shot)
