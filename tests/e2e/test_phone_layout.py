"""Pages that fit a phone (issue 13.3) and progress charts that read on one (13.2), in
Chromium at 390×844 with a person who has data on every page."""

import datetime as dt

import pytest
from django.utils import timezone

from routines.models import Exercise, Routine
from safety.models import Flag
from safety.services import screening_record, share_link_create
from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import CheckInFactory, PauseFactory, SessionFactory
from tracking.models import StepRecord, local_today

pytestmark = pytest.mark.django_db(transaction=True)

LONG_NOTE = (
    "Stiff after a long drive to my sister's; the cross-leg stretch helped more than the "
    "foam roller did, and the knee rocks felt easy."
)


@pytest.fixture
def history(person):
    """Two weeks of sessions with every step of two routines recorded, check-ins with
    notes, a pause, flags open and closed, an answered screening and a share link."""
    today = local_today(person)
    session = None
    for days_ago in range(14):
        day = today - dt.timedelta(days=days_ago)
        for slug in ("morning-mobility", "evening-release"):
            routine = Routine.objects.get(slug=slug)
            session = SessionFactory(
                user=person,
                routine=routine,
                local_date=day,
                pain_before=6 - days_ago % 3,
                pain_after=3 + days_ago % 2,
                note=LONG_NOTE if days_ago % 4 == 0 else "",
            )
            for step in routine.steps.select_related("exercise"):
                StepRecord.objects.create(
                    session=session,
                    routine_step=step,
                    exercise=step.exercise,
                    order=step.order,
                    state=StepRecord.State.DONE,
                    feeling=StepRecord.Feeling.HURT if step.order == 1 else "easier",
                    seconds_spent=95,
                )
        CheckInFactory(user=person, local_date=day, pain=4 + days_ago % 3, note=LONG_NOTE)
    PauseFactory(user=person, start=today + dt.timedelta(days=20), note="Holiday in Wales")
    screening_record(user=person, answers={"fever": False})
    now = timezone.now()
    Flag.objects.create(user=person, rule=Flag.Rule.SEVERE, opened_at=now, numbers={"days": 3})
    Flag.objects.create(
        user=person,
        rule=Flag.Rule.EXERCISE_HURTS,
        exercise=Exercise.objects.get(slug="knee-to-chest-cross-leg"),
        opened_at=now - dt.timedelta(days=9),
        closed_at=now - dt.timedelta(days=2),
    )
    _link, token = share_link_create(user=person, weeks=8)
    return {"session": session, "token": token}


PRIVATE_PAGES = [
    "/dashboard/",
    "/progress/",
    "/progress/?range=90",
    "/progress/goal/",
    "/progress/log-yesterday/",
    "/routines/",
    "/routines/exercises/",
    "/routines/evening-release/",
    "/routines/exercises/knee-to-chest-cross-leg/",
    "/history/",
    "/check-in/",
    "/sessions/{session}/",
    "/sessions/{session}/edit/",
    "/reminders/",
    "/safety/help/",
    "/safety/how-we-decide/",
    "/safety/summary/",
    "/safety/screening/",
    "/account/profile/",
]
PUBLIC_PAGES = [
    "/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/routines/",
    "/safety/how-we-decide/",
    "/safety/shared/{token}/",
]

WIDER_THAN_THE_SCREEN = """() => {
    const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
        .filter((el) => !el.closest("[role=region], .table-scroll, .heat-scroll"))
        .slice(0, 3)
        .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
    return {scroll: document.documentElement.scrollWidth, inner: innerWidth, wide};
}"""


def widths(page, url: str) -> dict:
    response = page.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    return page.evaluate(WIDER_THAN_THE_SCREEN)


def test_no_main_page_scrolls_sideways_on_a_phone(logged_in, live_server, history, browser):
    page = logged_in
    assert page.viewport_size == PHONE
    too_wide = {}
    for path in PRIVATE_PAGES:
        url = live_server.url + path.format(session=history["session"].pk)
        found = widths(page, url)
        if found["scroll"] > found["inner"]:
            too_wide[path] = found
    visitor = browser.new_context(viewport=PHONE).new_page()
    for path in PUBLIC_PAGES:
        found = widths(visitor, live_server.url + path.format(token=history["token"]))
        if found["scroll"] > found["inner"]:
            too_wide[path] = found
    visitor.context.close()
    assert not too_wide, too_wide


CHART_TEXT_SIZES = """() => [...document.querySelectorAll("svg.chart-svg, svg.pain-chart")]
    .filter((svg) => svg.getBoundingClientRect().width > 0)
    .flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll("text")].map((t) => ({
            text: t.textContent.trim(),
            px: parseFloat(getComputedStyle(t).fontSize) * scale,
        }));
    })"""


def test_chart_text_is_at_least_12_pixels_on_a_phone(logged_in, live_server, history):
    page = logged_in
    for path in ("/progress/", "/safety/summary/"):
        page.goto(live_server.url + path)
        sizes = page.evaluate(CHART_TEXT_SIZES)
        assert sizes, path
        small = [s for s in sizes if s["px"] < 12]
        assert not small, (path, small[:5])


def test_each_exercise_bar_sits_on_the_line_of_its_own_name(logged_in, live_server, history):
    page = logged_in
    page.goto(f"{live_server.url}/progress/")
    rows = page.evaluate(
        """() => {
            const svg = document.querySelector("#relief-title").closest("section")
                .querySelector("svg");
            const labels = [...svg.querySelectorAll("text.axis-label:not(.hurt)")];
            const bars = [...svg.querySelectorAll("rect.bar")];
            const mid = (el) => {
                const r = el.getBoundingClientRect();
                return (r.top + r.bottom) / 2;
            };
            return {labels: labels.map(mid), bars: bars.map(mid),
                    height: labels.length ? labels[0].getBoundingClientRect().height : 0};
        }"""
    )
    assert len(rows["labels"]) >= 5
    assert len(rows["bars"]) == len(rows["labels"])
    for label, bar in zip(rows["labels"], rows["bars"], strict=True):
        assert abs(label - bar) < rows["height"] / 3, rows


TODAY_IN_VIEW = """() => {
    const scroller = document.querySelector(".heat-scroll");
    const today = scroller.querySelector("rect.today").getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const labels = [...scroller.querySelectorAll("text")].map((t) => t.getBoundingClientRect());
    const svg = scroller.querySelector("svg").getBoundingClientRect();
    return {
        todayVisible: today.left >= box.left - 0.5 && today.right <= box.right + 0.5,
        lastLabelRight: Math.max(...labels.map((r) => r.right)),
        svgRight: svg.right,
        boxRight: box.right,
        scrolls: scroller.scrollWidth > scroller.clientWidth,
    };
}"""


def test_the_year_grid_opens_on_today_on_a_phone_and_shows_every_month_on_a_desktop(
    logged_in, live_server, history
):
    page = logged_in
    page.goto(f"{live_server.url}/progress/")
    phone = page.evaluate(TODAY_IN_VIEW)
    assert phone["scrolls"]  # a year is wider than a phone: it scrolls, and opens at today
    assert phone["todayVisible"], phone

    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/progress/")
    desktop = page.evaluate(TODAY_IN_VIEW)
    assert desktop["todayVisible"], desktop
    # The last month's name is drawn inside the grid, not cut off at its edge.
    assert desktop["lastLabelRight"] <= min(desktop["svgRight"], desktop["boxRight"]) + 0.5


def test_a_new_share_link_is_copied_with_one_press(logged_in, live_server):
    page = logged_in
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}/safety/summary/")
    page.get_by_label("Who is it for? (optional)").fill("Dr Patel")
    page.get_by_role("button", name="Make a link for 8 weeks").click()
    link = page.locator("#new-share-link").input_value()
    assert "/safety/shared/" in link
    page.get_by_role("button", name="Copy link").click()
    page.get_by_text("Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == link
    assert page.get_by_text("For Dr Patel", exact=True).is_visible()
