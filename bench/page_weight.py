"""Page weight of the home page on a phone: bytes transferred in Chromium at a 390 px wide viewport.

    .venv/bin/python bench/page_weight.py            # builds a throwaway demo site, measures, writes PAGE_WEIGHT.md
    .venv/bin/python bench/page_weight.py --url http://127.0.0.1:8000/nl/   # measure a running site instead

Without --url it migrates a temporary SQLite database, loads the demo content
(`load_demo_content`) and runs the development server on a free port. Chromium
(Debian's, through Playwright) loads the page with an empty cache at 390 x 844
CSS pixels, once at device pixel ratio 1 and once at 3, and sums each
response's `encodedDataLength` from the DevTools protocol (what went over the
wire, headers included) by type. "First view" is what loads without scrolling;
"whole page" scrolls to the bottom so every lazy image loads too.

The development server sends HTML, CSS and JavaScript uncompressed; in
production WhiteNoise and the CDN gzip or brotli them. The report therefore
also gives the total with text resources gzip-compressed (level 6), measured
on the bytes received. The target is under 300 KB.
"""

import argparse
import contextlib
import gzip
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
REPORT = BASE_DIR / "bench" / "PAGE_WEIGHT.md"
TARGET_BYTES = 300 * 1024
VIEWPORT = {"width": 390, "height": 844}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
TEXT_TYPES = {"Document", "Stylesheet", "Script"}
CATEGORIES = {"Document": "HTML", "Stylesheet": "CSS", "Script": "JS", "Image": "images", "Font": "fonts"}


def chromium_path():
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/lib/chromium/chromium", "/usr/bin/chromium"):
        if candidate and shutil.which(candidate):
            return candidate
    return None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def demo_server():
    """A development server on a throwaway database with the demo content."""
    workdir = Path(tempfile.mkdtemp(prefix="page-weight-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "campaign_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "DEBUG": "true",
    }
    python = sys.executable
    manage = str(BASE_DIR / "manage.py")
    subprocess.run([python, manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=BASE_DIR)
    subprocess.run([python, manage, "load_demo_content", "--quiet"], env=env, check=True, cwd=BASE_DIR)
    port = free_port()
    server = subprocess.Popen(
        [python, manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/nl/"
        for _attempt in range(120):
            try:
                urllib.request.urlopen(url, timeout=5)  # noqa: S310 - our own local server
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)


def measure(browser, url, device_scale_factor):
    """{"first view": {...}, "whole page": {...}}, each {category: (bytes, gzip bytes, count)}."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=device_scale_factor, is_mobile=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    requests = {}

    def on_response(event):
        request = requests.setdefault(event["requestId"], {})
        request["type"] = event.get("type", "Other")
        request["url"] = event["response"]["url"]

    def on_finished(event):
        requests.setdefault(event["requestId"], {})["bytes"] = event["encodedDataLength"]

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    bodies = {}
    page.on("response", lambda response: bodies.setdefault(response.url, response))

    page.goto(url, wait_until="networkidle")
    first_view = summarise(requests, bodies)
    # Scroll down in steps, so each lazy image enters the viewport and loads.
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + VIEWPORT["height"], VIEWPORT["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(150)
    page.wait_for_load_state("networkidle")
    whole_page = summarise(requests, bodies)
    images = sorted(
        (r["url"].split("/")[-1], r["bytes"]) for r in requests.values() if r.get("type") == "Image" and "bytes" in r
    )
    context.close()
    return {"first view": first_view, "whole page": whole_page, "images": images}


def summarise(requests, responses):
    totals = {}
    gzipped = {}
    for request in requests.values():
        if "bytes" not in request:
            continue
        category = CATEGORIES.get(request.get("type"), "other")
        size, count = totals.get(category, (0, 0))
        totals[category] = (size + request["bytes"], count + 1)
    for response in responses.values():
        kind = response.request.resource_type
        if kind not in ("document", "stylesheet", "script"):
            continue
        with contextlib.suppress(Exception):
            body = response.body()
            category = {"document": "HTML", "stylesheet": "CSS", "script": "JS"}[kind]
            gzipped[category] = gzipped.get(category, 0) + len(gzip.compress(body, 6)) + 300  # ~headers
    return {category: (size, gzipped.get(category, size), count) for category, (size, count) in sorted(totals.items())}


def kb(value):
    return f"{value / 1024:.1f} KB"


def report(url, results):
    lines = [
        "# Home page weight at 390 px",
        "",
        f"Measured by `bench/page_weight.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {url}, Chromium, "
        "390 × 844 CSS px, empty cache, demo content. Bytes are what went over the wire (DevTools "
        "`encodedDataLength`, headers included); the gzip column compresses HTML, CSS and JS as production "
        "does (the development server sends them uncompressed). Target: under 300 KB.",
        "",
    ]
    verdicts = []
    for label, by_view in results.items():
        images = by_view.pop("images")
        for view, categories in by_view.items():
            lines += [
                f"## {label}, {view}",
                "",
                "| resource | requests | transferred | with gzip |",
                "|---|---:|---:|---:|",
            ]
            total = total_gz = 0
            for category, (size, size_gz, count) in categories.items():
                lines.append(f"| {category} | {count} | {kb(size)} | {kb(size_gz)} |")
                total += size
                total_gz += size_gz
            lines += [f"| **total** | | **{kb(total)}** | **{kb(total_gz)}** |", ""]
            verdicts.append((label, view, total, total_gz))
        lines += [f"Images loaded ({label}, whole page):", ""]
        lines += [f"- `{name}`: {kb(size)}" for name, size in images]
        lines.append("")
    lines += ["## Verdict", ""]
    for label, view, total, total_gz in verdicts:
        status = "under" if total_gz < TARGET_BYTES else "OVER"
        lines.append(f"- {label}, {view}: {kb(total_gz)} with gzip ({kb(total)} as served) — {status} 300 KB")
    lines += [
        "",
        "The demo pictures are flat drawn illustrations, which AVIF compresses far better than photographs. "
        "With real portraits, expect the image share to grow several times, mostly at device pixel ratio 3 "
        "(the hero then loads its 1280 px rendition and each card its 800 px one).",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="Measure this page instead of a throwaway demo site.")
    parser.add_argument("--output", default=str(REPORT), help="Where to write the Markdown report.")
    args = parser.parse_args()
    path = chromium_path()
    if path is None:
        sys.exit("Chromium is not installed (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    server = contextlib.nullcontext(args.url) if args.url else demo_server()
    with server as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        measure(browser, url, 1)  # warm-up: the server makes its image renditions on first request
        results = {f"device pixel ratio {ratio}": measure(browser, url, ratio) for ratio in (1, 3)}
        browser.close()
    text = report(url, results)
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
