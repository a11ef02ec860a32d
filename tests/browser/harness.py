"""A served formfill and a headless Chromium kept off the network, for the browser tests.

The page draws the terminal on a canvas, so the tests read the screen the way the page does: a
script added before the page's own (test-only) keeps every byte the server sent and every size the
page asked for; pyte rebuilds the screen from them, and a click goes to the cell of a text. Chromium
is Debian's, driven by its chromedriver given by path: nothing is downloaded. Without them the tests
fail (never skip).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMEDRIVER = Path("/usr/bin/chromedriver")
SETUP = "apt-get install -y chromium chromium-driver"
START_SECONDS = 30.0

TAP = """
(() => {
  const Native = window.WebSocket;
  const seen = (window.__formfill = { chunks: [] });
  function Tapped(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const size = new URL(url, window.location.href).searchParams;
    seen.chunks.push({ size: [Number(size.get("width") || 80), Number(size.get("height") || 24)] });
    ws.addEventListener("message", (e) => {
      if (typeof e.data === "string") return;
      const bytes = new Uint8Array(e.data);
      let text = "";
      for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
      seen.chunks.push({ data: btoa(text) });
    });
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      try { const m = JSON.parse(data); if (m[0] === "resize") seen.chunks.push({ size: [m[1].width, m[1].height] }); } catch (e) {}
      return send(data);
    };
    return ws;
  }
  Tapped.prototype = Native.prototype;
  for (const k of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Tapped[k] = Native[k];
  window.WebSocket = Tapped;
})();
"""


def chromium() -> str:
    """Chromium's path; the test fails (CI or not) when it or its driver is missing."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found or not CHROMEDRIVER.exists():
        pytest.fail(f"Chromium or {CHROMEDRIVER} is missing: {SETUP}", pytrace=False)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """``formfill serve --mode MODE`` in a subprocess, its output (the server's log) in a file."""

    def __init__(self, mode: str, folder: Path, config: str, env: dict[str, str] | None = None) -> None:
        self.mode, self.folder = mode, folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = folder / "server.log"
        self.config = folder / "formfill.toml"
        self.config.write_text(config, encoding="utf-8")
        environ = {**os.environ, "FORMFILL_LANG": "vi", "FORMFILL_DATA_DIR": str(folder / "data")}
        environ["FORMFILL_OUTPUT_DIR"] = str(folder / "out")
        environ.pop("FORMFILL_CONFIG", None)
        self.env = {**environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Served:
        argv = [sys.executable, "-m", "formfill", "serve", "--mode", self.mode, "--port", str(self.port)]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [*argv, "--config", str(self.config)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.env,
                start_new_session=True,
            )
        wait_for(self._listening, START_SECONDS, "the server did not start")
        return self

    def _listening(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError("the server ended: " + self.log())
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
            return True
        return False

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def tabs(self) -> list[int]:
        """The app processes (one per open tab): this server's descendants running ``serve-tab``."""
        assert self.process is not None
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
                if b"serve-tab" in cmd and os.getpgid(int(entry.name)) == self.process.pid:
                    found.append(int(entry.name))
        return found

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


def desk_store(folder: Path) -> str:
    """The store a served desk opens (``folder/data``, as :class:`Served` sets it): two accounts
    (tests/desk/office.py) and one kiosk submission, whose code is returned."""
    from formfill.base.settings import DRAFTS_FILE
    from tests.desk.office import kiosk_submission, open_store, with_accounts

    (folder / "data").mkdir(exist_ok=True)
    store = with_accounts(open_store(folder / "data" / DRAFTS_FILE))
    try:
        return kiosk_submission(store).code
    finally:
        store.close()


def desk_status(folder: Path, code: str) -> str:
    """The status of a submission in that store now."""
    from formfill.base.settings import DRAFTS_FILE
    from tests.desk.office import open_store

    store = open_store(folder / "data" / DRAFTS_FILE)
    try:
        return store.get(code).status
    finally:
        store.close()


def wait_for(check: Callable[[], object], seconds: float, what: str) -> object:
    end = time.monotonic() + seconds
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > end:
            raise AssertionError(what)
        time.sleep(0.1)


class Browser:
    """One headless Chromium window on the served page; ``screen()`` is what it shows."""

    def __init__(self, url: str, size: tuple[int, int] = (1280, 800)) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for drivers on the network
        options = webdriver.ChromeOptions()
        options.binary_location = chromium()
        for flag in (
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-sync",
            "--no-first-run",
            "--metrics-recording-only",
            f"--window-size={size[0]},{size[1]}",
        ):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TAP})
        self.urls: list[str] = []
        self.received = b""
        self._reset()
        self.driver.get(url)

    def _reset(self) -> None:
        import pyte

        self.term = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.term)

    # --- the screen ---------------------------------------------------------------------------
    def pull(self) -> None:
        chunks = self.driver.execute_script(
            "return window.__formfill ? window.__formfill.chunks.splice(0) : [];"
        )
        for chunk in chunks:
            if "size" in chunk:
                cols, rows = chunk["size"]
                self.term.resize(rows, cols)
            else:
                data = base64.b64decode(chunk["data"])
                self.received += data
                self.stream.feed(data)

    def screen(self) -> str:
        self.pull()
        return "\n".join(self.term.display)

    def wait_text(self, text: str, seconds: float = 20.0) -> None:
        wait_for(lambda: text in self.screen(), seconds, f"not on screen: {text!r}\n{self.screen()}")

    def settle(self, quiet: float = 0.4, seconds: float = 10.0) -> None:
        """Wait until the server has sent nothing for ``quiet`` seconds (the screen is drawn)."""
        end = time.monotonic() + seconds
        last, since = len(self.received), time.monotonic()
        while time.monotonic() < end:
            time.sleep(0.05)
            self.pull()
            if len(self.received) != last:
                last, since = len(self.received), time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    def find(self, text: str) -> tuple[int, int]:
        for row, line in enumerate(self.term.display):
            col = line.find(text)
            if col >= 0:
                return row, col
        raise AssertionError(f"not on screen: {text!r}\n{self.screen()}")

    def click(self, text: str, seconds: float = 20.0) -> None:
        """A click (a tap) on the middle of ``text`` where the screen shows it."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By

        self.wait_text(text, seconds)
        self.settle()
        row, col = self.find(text)
        canvas = self.driver.find_element(By.CSS_SELECTOR, ".xterm-screen")
        box = canvas.rect
        cell_w, cell_h = box["width"] / self.term.columns, box["height"] / self.term.lines
        x = (col + len(text) / 2) * cell_w - box["width"] / 2
        y = (row + 0.5) * cell_h - box["height"] / 2
        ActionChains(self.driver).move_to_element_with_offset(canvas, int(x), int(y)).click().perform()

    def type(self, text: str) -> None:
        """Keys typed into the terminal ("\\n" is Enter)."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        self.settle()
        ActionChains(self.driver).send_keys(text.replace("\n", Keys.ENTER)).perform()

    # --- the network ----------------------------------------------------------------------------
    def requested(self) -> list[str]:
        """Every address the page asked for so far (requests and websockets), from Chrome's log."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message.get("method") == "Network.requestWillBeSent":
                self.urls.append(params["request"]["url"])
            elif message.get("method") == "Network.webSocketCreated":
                self.urls.append(params["url"])
        return list(self.urls)

    def foreign(self, port: int) -> list[str]:
        """Requested addresses that are not this server. ``data:``/``blob:``/``about:`` are the page's
        own; ``chrome-extension:`` is the browser's built-in PDF viewer (no network either)."""
        local = {"data", "blob", "about", "chrome-extension"}
        own = f"127.0.0.1:{port}"
        return [u for u in self.requested() if urlsplit(u).scheme not in local and urlsplit(u).netloc != own]

    def quit(self) -> None:
        with contextlib.suppress(Exception):
            self.driver.quit()


@contextlib.contextmanager
def browser(url: str, size: tuple[int, int] = (1280, 800)) -> Iterator[Browser]:
    b = Browser(url, size)
    try:
        yield b
    finally:
        b.quit()
