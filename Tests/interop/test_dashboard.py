"""The live depot map in a real headless browser, as a person on the night shift sees it.

Starts the real `busbar demo` (BUSBAR_BIN) on a free port at a high clock speed, opens the map
links it prints in Debian's `chromium` driven by `playwright` (the system browser, no download),
and checks what is on screen: the depot's areas and chargers, bays with vehicles, SoC and kW,
status colours, the power chart with its limit line, live updates, and that a tenant's link
shows none of another tenant's vehicles. Leaves a screenshot in Tests/interop/artifacts/.
"""
import pathlib
import re
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
from playwright.sync_api import Page, sync_playwright

from conftest import REPO

ARTIFACTS = pathlib.Path(__file__).resolve().parent / "artifacts"
SPEED = "300"
WAIT_MS = 90_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def demo(busbar_bin):
    """A running demo night and the map links it printed: {"admin": url, tenant id: url}."""
    port = free_port()
    folder = tempfile.TemporaryDirectory(prefix="busbar-dashboard-")
    log = pathlib.Path(folder.name) / "demo.log"
    output = log.open("w")
    process = subprocess.Popen(
        [str(busbar_bin), "demo", "--speed", SPEED, "--port", str(port), "--db", str(pathlib.Path(folder.name) / "demo.sqlite")],
        cwd=REPO, stdout=output, stderr=subprocess.STDOUT, text=True,
    )
    links = {}
    deadline = time.monotonic() + 120
    while "database" not in links and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        for line in log.read_text().splitlines():
            if match := re.match(r"\s+map\s+(http\S+)$", line):
                links["admin"] = match[1]
            elif match := re.match(r"\s+map of (\S+)\s+(http\S+)$", line):
                links[match[1]] = match[2]
            elif line.strip().startswith("database"):
                links["database"] = line
    try:
        assert "admin" in links, f"busbar demo printed no map link:\n{log.read_text()}"
        yield links
    finally:
        # The demo runs its night to the end even after SIGTERM; nothing of it needs to be kept.
        process.kill()
        process.wait(timeout=60)
        output.close()
        folder.cleanup()


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is needed (make test installs it)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        yield browser
        browser.close()


def open_map(browser, url: str) -> tuple[Page, list[str]]:
    """The map in a fresh tab, and the list collecting its console errors (CSP refusals included)."""
    page = browser.new_page(viewport={"width": 1920, "height": 1080})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector("#connection[data-state='live']", timeout=WAIT_MS)
    return page, errors


def vehicles(page: Page) -> list[str]:
    return page.eval_on_selector_all("[data-vehicle]", "bays => bays.map(b => b.dataset.vehicle)")


def test_the_map_shows_the_night_live(demo, browser):
    page, errors = open_map(browser, demo["admin"])
    assert "#token" not in page.url, "the token must leave the address bar"

    # The depot as configured: three areas, 20 chargers, 32 bays.
    assert page.inner_text("#depot-name") == "Betriebshof Elbbrücken (Demo)"
    assert page.locator("[data-area-label]").all_text_contents() == ["Halle A", "Halle B", "Hof"]
    assert page.locator("g.charger").count() == 20
    assert page.locator("g.bay").count() == 32
    assert page.locator(".area-use-public").all_text_contents() == ["PUBLIC"]

    # Buses of both fleets arrive and charge: vehicle, SoC and kW are on their bays.
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-vehicle]')].map(b => b.dataset.vehicle)"
        ".some(v => v.startsWith('hb-')) && [...document.querySelectorAll('[data-vehicle]')]"
        ".some(b => b.dataset.vehicle.startsWith('vhh-'))",
        timeout=WAIT_MS,
    )
    page.wait_for_selector("g.bay[data-status='charging']", timeout=WAIT_MS)
    bay = page.locator("g.bay[data-status='charging']").first
    assert re.fullmatch(r"\d+ %", bay.locator(".soc-text").text_content())
    assert re.fullmatch(r"\d+ kW", bay.locator(".detail").first.text_content())
    assert bay.locator(".tag").text_content() in ("FLEET", "PUBLIC")

    # Status colours differ between bays (charging against free or reserved).
    colours = set(page.eval_on_selector_all(".bay-frame", "frames => frames.map(f => getComputedStyle(f).stroke)"))
    assert len(colours) >= 2, colours
    assert page.locator("#legend li").count() >= 7

    # The chart: power samples as a polyline, the limit as a step line by block.
    page.wait_for_function("() => Number(document.getElementById('chart-power')?.dataset.points) >= 5", timeout=WAIT_MS)
    limit = page.get_attribute("#chart-limit", "d")
    assert limit and limit.count("L") >= 3
    assert page.locator(".block-label").count() >= 2

    # Live updates: the depot clock and the chart move without a reload.
    clock = page.inner_text("#clock")
    points = int(page.get_attribute("#chart-power", "data-points"))
    page.wait_for_function(f"() => document.getElementById('clock').textContent !== {clock!r}", timeout=WAIT_MS)
    page.wait_for_function(f"() => Number(document.getElementById('chart-power').dataset.points) > {points}", timeout=WAIT_MS)
    assert re.fullmatch(r"\d+ / \d+ kW", page.inner_text("#site-power"))

    # The alert list: hb-17 never arrives at 20:00 in the demo night.
    page.wait_for_function("() => document.getElementById('alerts').textContent.includes('no show')", timeout=WAIT_MS)
    assert "hb-17" in page.inner_text("#alerts")

    # The screenshot once the evening has filled the halls a little.
    page.wait_for_function("() => document.querySelectorAll('[data-vehicle]').length >= 8", timeout=WAIT_MS)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert errors == []
    page.close()


def test_a_tenant_link_shows_only_its_part(demo, browser):
    page, errors = open_map(browser, demo["vhh"])
    assert page.inner_text("#scope") == "VHH Verkehrsbetriebe"
    assert page.locator("[data-area-label]").all_text_contents() == ["Halle B"]
    assert page.locator("g.charger").count() == 9
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-vehicle]')].some(b => b.dataset.vehicle.startsWith('vhh-'))", timeout=WAIT_MS
    )
    assert all(vehicle.startswith("vhh-") for vehicle in vehicles(page)), vehicles(page)
    assert "hb-" not in page.inner_text("body")
    page.screenshot(path=str(ARTIFACTS / "dashboard-vhh.png"), full_page=True)
    assert errors == []
    page.close()


def test_a_wrong_token_gets_the_sign_in_form(demo, browser):
    page = browser.new_page()
    page.goto(re.sub(r"#token=.*", "#token=not-a-token", demo["admin"]))
    page.wait_for_selector("#login:not([hidden])", timeout=WAIT_MS)
    assert "not accepted" in page.inner_text("#login-error")
    assert page.locator("g.bay").count() == 0
    page.close()
