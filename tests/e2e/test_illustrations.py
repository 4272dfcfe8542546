"""The exercise illustrations in a real browser: every one animates, holds a still key
pose under reduced motion, keeps its own colours in light and dark mode under the
production Content-Security-Policy, and is laid out on contact sheets for review
(docs/screenshots/illustrations-*.png)."""

import io
import re
from base64 import b64encode
from pathlib import Path

import pytest
from PIL import Image

from routines.models import Exercise
from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS, assert_accessible, image_loads, shoot

pytestmark = pytest.mark.django_db(transaction=True)

ILLUSTRATIONS = Path(__file__).parents[2] / "static" / "img" / "exercises"
BACKGROUND = {"light": (0xEE, 0xF6, 0xF3), "dark": (0x14, 0x23, 0x2A)}
SEEK = """(share) => {
  for (const animation of document.getAnimations()) {
    animation.pause();
    animation.currentTime = animation.effect.getComputedTiming().duration * share;
  }
}"""


@pytest.fixture
def still_page(browser_type, browser_type_launch_args):
    """A browser whose system asks for reduced motion. Playwright's emulate_media reaches
    the page but not the documents of <img> SVGs; the system setting reaches both."""
    args = [*browser_type_launch_args["args"], "--force-prefers-reduced-motion"]
    browser = browser_type.launch(**{**browser_type_launch_args, "args": args})
    yield browser.new_page()
    browser.close()


def _exercises() -> list[Exercise]:
    return list(Exercise.objects.published().order_by("position", "name"))


def _pixel(png: bytes, x: int, y: int) -> tuple[int, int, int]:
    return Image.open(io.BytesIO(png)).convert("RGB").getpixel((x, y))


def _close(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return all(abs(p - q) <= 6 for p, q in zip(a, b, strict=True))


def test_every_illustration_moves_between_key_poses_and_stands_still_with_reduced_motion(
    page, live_server
):
    page.set_viewport_size({"width": 240, "height": 160})
    for exercise in _exercises():
        page.emulate_media(reduced_motion="no-preference", color_scheme="light")
        page.goto(f"{live_server.url}/static/img/exercises/{exercise.icon}.svg")
        assert page.evaluate("document.getAnimations().length") > 0, exercise.slug
        frames = set()
        for share in (0.0, 0.2, 0.4, 0.6, 0.8):
            page.evaluate(SEEK, share)
            frames.add(page.screenshot())
        assert len(frames) >= 3, f"{exercise.slug} barely moves"

        page.emulate_media(reduced_motion="reduce")
        assert page.evaluate("document.getAnimations().length") == 0, exercise.slug
        still = page.screenshot()
        page.wait_for_timeout(250)
        # Compared as a flag: pytest's diff of two screenshots' bytes takes minutes.
        unchanged = page.screenshot() == still
        assert unchanged, f"{exercise.slug} moves under reduced motion"


def test_pictures_on_a_page_move_unless_the_system_asks_for_reduced_motion(
    page, still_page, live_server
):
    url = f"{live_server.url}/routines/exercises/glute-bridge/"

    def two_moments(browser_page) -> tuple[bytes, bytes]:
        browser_page.goto(url)
        picture = browser_page.locator("img.exercise-illustration")
        picture.evaluate("img => img.decode()")
        first = picture.screenshot()
        browser_page.wait_for_timeout(1500)
        return first, picture.screenshot()

    moving, still = two_moments(page), two_moments(still_page)
    moved, stayed = moving[0] != moving[1], still[0] == still[1]
    assert moved, "the picture should move"
    assert stayed, "the picture should hold still with reduced motion"


def test_illustrations_keep_their_colours_in_light_and_dark_under_the_page_csp(page, live_server):
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.cspViolations.push(e.violatedDirective));"
    )
    response = page.goto(f"{live_server.url}/routines/exercises/")
    policy = response.headers["content-security-policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    images = page.locator("img.exercise-illustration")
    assert images.count() == len(_exercises())
    for index in range(images.count()):
        assert image_loads(images.nth(index))

    page.goto(f"{live_server.url}/routines/exercises/cat-cow/")
    picture = page.get_by_role("img", name="A person on hands and knees")
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_timeout(200)
        png = picture.screenshot()
        width = Image.open(io.BytesIO(png)).width
        # The panel behind the figure is painted by the SVG's own style for this scheme.
        assert _close(_pixel(png, width // 2, 4), BACKGROUND[scheme]), scheme
    assert page.evaluate("window.cspViolations") == []

    # The same style written inside the page would be refused by the page's policy: this
    # is why the pages show illustrations through <img>, never as inline SVG.
    page.evaluate(
        "() => { const box = document.createElement('div');"
        ' box.innerHTML = \'<svg><style>rect{fill:red}</style><rect width="9" height="9"/></svg>\';'
        " document.body.append(box); }"
    )
    page.wait_for_function("window.cspViolations.length > 0")
    assert any(v.startswith("style-src") for v in page.evaluate("window.cspViolations"))


def test_the_exercise_pages_show_the_illustration_large_and_pass_axe(page, live_server):
    page.goto(f"{live_server.url}/routines/exercises/")
    assert_accessible(page)
    shoot(page, "exercises")
    page.get_by_role("link", name=re.compile(r"^Cat–cow")).click()
    picture = page.get_by_role("img", name="A person on hands and knees")
    for size in (PHONE, DESKTOP):
        page.set_viewport_size(size)
        box = picture.bounding_box()
        assert box["width"] >= min(size["width"] - 80, 600), size
    assert_accessible(page)
    shoot(page, "exercise")
    page.get_by_role("link", name="Gentler: Seated cat–cow").click()
    page.wait_for_url(f"{live_server.url}/routines/exercises/seated-cat-cow/")
    assert_accessible(page)


def _sheet(live_server, page, name: str, body: str, width: int) -> None:
    """Lay out `body` on a page of the live server's origin and load it."""
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        "body{margin:12px;font:13px/1.3 system-ui,sans-serif;background:Canvas;color:CanvasText}"
        ":root{color-scheme:light dark}.grid{display:grid;gap:10px 8px;"
        f"grid-template-columns:repeat(auto-fill,minmax({width}px,1fr))}}"
        "figure{margin:0}figcaption{margin-top:2px}img,iframe{display:block;border:0}"
        ".frames{display:flex;gap:4px}figure figcaption{font-weight:600}"
        f"</style></head><body>{body}</body></html>"
    )
    url = f"{live_server.url}/__contact-sheet/{name}"
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(url)
    page.wait_for_load_state("load")


def test_contact_sheets_of_every_illustration(page, still_page, live_server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    exercises = _exercises()

    def cells(width: int, height: int) -> str:
        return "".join(
            f"<figure><img src='/static/img/exercises/{e.icon}.svg' width='{width}' "
            f"height='{height}' alt=''><figcaption>{e.name}</figcaption></figure>"
            for e in exercises
        )

    # The still key poses (what reduced motion shows), large and at list size.
    still_page.set_viewport_size({"width": 1300, "height": 800})
    for label, width, height in (("", 240, 160), ("-small", 144, 96)):
        grid = f"<div class='grid'>{cells(width, height)}</div>"
        _sheet(live_server, still_page, f"still{label}", grid, width)
        for scheme in ("light", "dark"):
            still_page.emulate_media(color_scheme=scheme)
            still_page.wait_for_timeout(300)
            path = SCREENSHOTS / f"illustrations{label}-{scheme}.png"
            still_page.screenshot(path=path, full_page=True)

    # Four moments of every animation, one exercise a row: each is the file with its
    # animations paused that far into the cycle.
    page.set_viewport_size({"width": 1300, "height": 800})

    def frame(icon: str, share: float) -> str:
        svg = (ILLUSTRATIONS / f"{icon}.svg").read_text()
        seconds = float(re.search(r"animation:([\d.]+)s", svg).group(1))
        paused = (
            "[class^=j],.m{animation-play-state:paused!important;"
            f"animation-delay:-{seconds * share:.2f}s!important}}</style>"
        )
        source = (
            "data:image/svg+xml;base64,"
            + b64encode(svg.replace("</style>", paused, 1).encode()).decode()
        )
        return f"<img src='{source}' width='144' height='96' alt=''>"

    rows = "".join(
        f"<figure><figcaption>{e.name}</figcaption><div class='frames'>"
        + "".join(frame(e.icon, share) for share in (0.0, 0.25, 0.5, 0.75))
        + "</div></figure>"
        for e in exercises
    )
    _sheet(live_server, page, "frames", f"<div class='grid'>{rows}</div>", 600)
    page.screenshot(path=SCREENSHOTS / "illustration-frames.png", full_page=True)
    for name in ("illustrations-light", "illustrations-dark", "illustration-frames"):
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 20_000
