"""Browser tests: Playwright driving Debian's Chromium against Django's live server.

In CI (CI=true) a missing Chromium is a failure, never a skip."""

import os
import shutil
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress

from safety.services import screening_skip
from tests.factories import UserFactory

# Playwright's sync API runs an event loop in this thread; Django's ORM calls in the
# test body are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).parents[2] / "screenshots"))
PASSWORD = "a-strong-pass-phrase"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        return  # the launch fails loudly below: CI must have Chromium
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM} (install: apt-get install chromium)"
    )
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE}


@pytest.fixture(autouse=True)
def fast_player(settings):
    # The same code path as production, with every duration scaled down.
    settings.PLAYER_TIME_SCALE = 0.2  # a 30-second hold takes 6 seconds


@pytest.fixture(autouse=True)
def library(routine_library):
    pass


@pytest.fixture
def person(transactional_db):
    user = UserFactory(email="walker@example.com", display_name="Robin", time_zone="Europe/Paris")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    screening_skip(user=user)  # journey (g) answers the questions itself
    return user


@pytest.fixture
def logged_in(page, live_server, person):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/dashboard/")
    return page


def shoot(page, name: str) -> None:
    """Save the page at phone and desktop sizes, light and dark."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    for size_name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.wait_for_timeout(300)
            page.screenshot(path=SCREENSHOTS / f"{name}-{size_name}-{scheme}.png", full_page=True)
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(original)
    page.wait_for_timeout(500)  # let colour transitions settle before anything measures them


def assert_accessible(page) -> None:
    """No serious or critical axe-core violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, "\n".join(
        f"{v['id']} ({v['impact']}) on {page.url}: {v['help']} -> "
        + "; ".join(f"{n['target']}: {n.get('failureSummary', '')[:160]}" for n in v["nodes"][:3])
        for v in bad
    )


def image_loads(image) -> bool:
    """Scroll a (lazy-loading) image into view and wait until it has loaded or failed: True
    when it shows a picture. Checking `complete` at once raced the download."""
    image.scroll_into_view_if_needed()
    # Ten seconds at most: Playwright does not time out while a promise is pending.
    return image.evaluate(
        "img => img.complete ? img.naturalWidth > 0 : new Promise(resolve => {"
        " img.addEventListener('load', () => resolve(img.naturalWidth > 0), {once: true});"
        " img.addEventListener('error', () => resolve(false), {once: true});"
        " setTimeout(() => resolve(false), 10000); })"
    )
