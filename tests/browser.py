"""Headless Chromium for the browser tests, and the sample page whose screenshot the README shows.

`python tests/browser.py docs/display.png` renders `SAMPLE` with `partydocs.display`, hovers a mark and
saves the screenshot the same way `tests/test_browser.py` does. Chromium is Debian's (`/usr/bin/chromium`
and `/usr/bin/chromedriver`, installed by `.ci/run`), driven through selenium; nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("PARTYDOCS_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("PARTYDOCS_CHROMEDRIVER", "/usr/bin/chromedriver"))
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
)
SAMPLE = (
    "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII về đẩy mạnh học tập và làm theo "
    "tư tưởng, đạo đức, phong cách Hồ Chí Minh. Ban Thường vụ Huyện ủy ban hành Kế hoạch số 82-KH/HU ngày "
    "20/01/2022.\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2015 và Nghị định số 30/2020/NĐ-CP ngày "
    "05/3/2020 của Chính phủ, Ủy ban nhân dân huyện triển khai Chỉ thị 05 đến các chi bộ; Kế hoạch này thực "
    "hiện từ tháng 3/2022."
)
"""A short text of our own with a Party, a state and a named reference, a short form and an anaphor."""


def missing() -> str | None:
    """Why the browser tests cannot run here (no Chromium, no driver, no selenium), or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.is_file():
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -c requirements/dev.lock -e '.[dev]')"
    return None


@contextmanager
def chromium(width: int = 1000, height: int = 640) -> Iterator[Any]:
    """A headless Chromium (selenium WebDriver) with a fresh profile, closed and removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_AVOID_STATS", "true")
    profile = tempfile.mkdtemp(prefix="partydocs-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path) -> None:
    """Load a local HTML file and wait until its fonts are ready."""
    driver.get(path.resolve().as_uri())
    driver.execute_script("return document.fonts.ready")


def hover(driver: Any, element: Any) -> None:
    """Move the mouse onto an element (over its text, not its label)."""
    from selenium.webdriver.common.action_chains import ActionChains

    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    ActionChains(driver).move_to_element_with_offset(element, *_left_of(element)).perform()


def _left_of(element: Any) -> tuple[int, int]:
    """An offset from the element's centre to a point a few pixels from its left edge (on its text)."""
    size = element.size
    return -size["width"] // 2 + 6, 0


def style(driver: Any, element: Any, prop: str) -> str:
    """The computed value of a CSS property of an element."""
    return str(driver.execute_script("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])",
                                     element, prop))


def sample_page(folder: Path) -> Path:
    """Write the display of `SAMPLE` as a page in `folder`; return its path."""
    import partydocs

    page = folder / "display.html"
    page.write_text(partydocs.display(partydocs.extract(SAMPLE), page=True, title="partydocs.display"),
                    encoding="utf-8")
    return page


def screenshot_sample(driver: Any, folder: Path, png: Path) -> None:
    """Open the sample page, hover the first Party reference so its details show, save a screenshot."""
    from selenium.webdriver.common.by import By

    open_page(driver, sample_page(folder))
    driver.execute_script("document.body.style.margin = '8px auto'")
    hover(driver, driver.find_element(By.CSS_SELECTOR, "mark.pd-party[tabindex]"))
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(png))


if __name__ == "__main__":
    reason = missing()
    if reason:
        sys.exit(reason)
    with tempfile.TemporaryDirectory() as scratch, chromium() as browser:
        screenshot_sample(browser, Path(scratch), Path(sys.argv[1] if len(sys.argv) > 1 else "docs/display.png"))
