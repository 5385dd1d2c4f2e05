"""The page for clerks in a real browser: the system's headless Chromium, driven by Selenium.

uvicorn serves the application on 127.0.0.1 (a free port) in a thread; Chromium and chromedriver
are Debian's (``apt-get install chromium chromium-driver``; .ci/run installs them), never a
download. Without them the test is skipped — except in CI (``CI`` set), where it must run. The
screenshot of the result is kept in ``test-artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
import uvicorn

from eghnrw.doors.server import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(os.environ.get("EGHNRW_REPO_ROOT", Path(__file__).resolve().parents[1])) / "test-artifacts"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """The address of the application, served by uvicorn on a free port of 127.0.0.1."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(), log_level="warning", lifespan="off", ws="none", http="h11")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):  # at most 10 s
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()) or shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser test: apt-get install -y chromium chromium-driver (.ci/run does)")
        pytest.skip("no system Chromium: apt-get install -y chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(10)  # a form sent by the keyboard loads the next page while the test goes on
    yield driver
    driver.quit()


def test_a_clerk_computes_a_daily_rate_in_german(base_url, browser):
    from selenium.webdriver.common.by import By  # noqa: PLC0415 - only where selenium is installed
    from selenium.webdriver.common.keys import Keys  # noqa: PLC0415
    from selenium.webdriver.support.ui import Select  # noqa: PLC0415

    browser.get(f"{base_url}/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    Select(browser.find_element(By.ID, "rule")).select_by_value("daily_rate")
    browser.find_element(By.ID, "rule").submit()
    for name, value in {"annual_cost": "1000000", "places": "20", "occupancy_percent": "95"}.items():
        field = browser.find_element(By.ID, f"f-{name}")
        label = browser.find_element(By.CSS_SELECTOR, f'label[for="f-{name}"]')
        assert "Pflichtangabe" in label.text
        field.send_keys(value)
    days = browser.find_element(By.ID, "f-days")
    days.send_keys("365", Keys.ENTER)  # the keyboard sends the form
    result = browser.find_element(By.ID, "result").find_element(By.XPATH, "..")
    # 1,000,000 ÷ (20 × 365 × 95 % = 6,935) = 144.196… → 144,20 (German decimal comma)
    assert "Tagessatz: 144,20" in result.text
    assert "LRV A.4.5 Abs. 2" in result.text
    download = browser.find_element(By.CSS_SELECTOR, 'a[download="daily_rate.json"]')
    assert download.get_attribute("href").startswith("data:application/json")
    ARTIFACTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / "server-page-daily-rate.png"))


def test_the_page_switches_to_english(base_url, browser):
    from selenium.webdriver.common.by import By  # noqa: PLC0415
    from selenium.webdriver.support.ui import WebDriverWait  # noqa: PLC0415

    browser.get(f"{base_url}/?rule=daily_rate")
    browser.find_element(By.LINK_TEXT, "English").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") != "de")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.ID, "compute").text == "Calculate"
