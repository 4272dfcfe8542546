"""The player answers every press (issue 13.4) and an unfinished routine can be resumed
from the dashboard (13.5)."""

import re

import pytest
from playwright.sync_api import expect

from tracking import services
from tracking.models import Session

pytestmark = pytest.mark.django_db(transaction=True)

# Counts the vibration that goes with every beep (sound itself cannot be observed) and
# keeps every text the live region announced.
SPY = """
window.__beeps = 0;
window.__announced = [];
Navigator.prototype.vibrate = function () { window.__beeps += 1; return true; };
document.addEventListener("DOMContentLoaded", function () {
  var region = document.getElementById("player-announcer");
  if (!region) return;
  new MutationObserver(function () {
    if (region.textContent) window.__announced.push(region.textContent);
  }).observe(region, {childList: true, characterData: true, subtree: true});
});
"""


def _start(page, live_server, slug="desk-break"):
    page.add_init_script(SPY)
    page.goto(f"{live_server.url}/start/{slug}/")
    page.get_by_role("group", name="How much does your back hurt right now?").get_by_role(
        "radio", name="3", exact=True
    ).check()
    page.get_by_role("button", name="Continue to the routine").click()
    page.wait_for_url(re.compile(r"/play/$"))
    page.wait_for_function("() => document.documentElement.dataset.playerReady === 'true'")


def _beeps(page) -> int:
    return page.evaluate("window.__beeps")


def _last_announced(page) -> str:
    page.wait_for_timeout(200)  # the live region is filled 50 ms after it is cleared
    return page.evaluate("window.__announced[window.__announced.length - 1] || ''")


def test_pause_and_resume_neither_beep_nor_announce_the_step_again(
    logged_in, live_server, settings
):
    settings.PLAYER_TIME_SCALE = 1  # holds long enough to pause and resume in
    page = logged_in
    _start(page, live_server)
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    beeps = _beeps(page)

    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    assert _last_announced(page) == "Paused."
    page.get_by_role("button", name="Resume").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    assert _last_announced(page) == "Timer running."
    assert _beeps(page) == beeps

    # A new part does beep and names its step.
    page.locator('[data-action="next"]').click()
    page.wait_for_function(f"() => window.__beeps > {beeps}")
    assert "Step 1 of" in _last_announced(page)


def test_a_pause_refused_because_the_part_moved_on_says_why_and_shows_the_current_state(
    logged_in, live_server, person, settings
):
    settings.PLAYER_TIME_SCALE = 1
    page = logged_in
    _start(page, live_server)
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    # The part ends (another tab, or the timer) just before the press reaches the server.
    session = Session.objects.get(user=person)
    services.session_transition(session=session, action="next", revision=session.revision)
    label = str(session.current_part.label)

    page.get_by_role("button", name="Pause").click()
    alert = page.locator("#player").get_by_role("alert")
    expect(alert).to_have_text("The routine had already moved on; here is where it is now.")
    expect(page.locator("#player .phase-label")).to_have_text(label)
    assert "already moved on" in _last_announced(page)
    # The player now holds the current state, so the next press works.
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    expect(alert).to_have_count(0)


def test_it_hurts_is_acknowledged_with_a_reminder_and_an_offer_to_end(
    logged_in, live_server, person
):
    page = logged_in
    _start(page, live_server)
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="It hurts").click()
    notice = page.locator("#player").get_by_role("status")
    expect(notice).to_contain_text("Skipped, and noted that it hurt.")
    expect(notice).to_contain_text("if the pain spreads")
    assert "noted that it hurt" in _last_announced(page)

    notice.get_by_role("link", name="End the routine").click()
    expect(page.get_by_role("heading", name="End Desk break now?")).to_be_visible()
    page.get_by_role("button", name="Yes, end the routine").click()
    page.wait_for_url(re.compile(r"/finish/$"))
    assert Session.objects.get(user=person).status == Session.Status.ENDED_EARLY


def test_end_early_asks_first_and_keep_going_returns_to_the_routine(logged_in, live_server, person):
    page = logged_in
    _start(page, live_server)
    page.get_by_role("link", name="End early").click()
    expect(page.get_by_role("heading", name="End Desk break now?")).to_be_visible()
    assert Session.objects.get(user=person).status == Session.Status.ACTIVE

    page.get_by_role("link", name="No, keep going").click()
    expect(page.get_by_role("button", name="Start")).to_be_visible()
    page.get_by_role("link", name="End early").click()
    page.get_by_role("button", name="Yes, end the routine").click()
    page.wait_for_url(re.compile(r"/finish/$"))
    assert Session.objects.get(user=person).status == Session.Status.ENDED_EARLY


def test_an_unfinished_routine_is_resumed_or_ended_from_the_dashboard(
    logged_in, live_server, person
):
    page = logged_in
    _start(page, live_server)
    page.goto(f"{live_server.url}/dashboard/")
    notice = page.get_by_role("article").filter(
        has=page.get_by_role("heading", name="You have an unfinished Desk break")
    )
    notice.get_by_role("link", name="Resume").click()
    page.wait_for_url(re.compile(r"/play/$"))
    expect(page.get_by_role("button", name="Start")).to_be_visible()

    page.goto(f"{live_server.url}/routines/morning-mobility/")
    expect(page.get_by_role("heading", name="You have an unfinished Desk break")).to_be_visible()
    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_role("link", name="End it").click()
    page.get_by_role("button", name="Yes, end the routine").click()
    page.wait_for_url(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("heading", name="You have an unfinished Desk break")).to_have_count(0)
    assert Session.objects.get(user=person).status == Session.Status.ENDED_EARLY


DESTINATIONS = {
    "Dashboard": "/dashboard/",
    "Routines": "/routines/",
    "Check-in": "/check-in/",
    "Progress": "/progress/",
    "History": "/history/",
    "Reminders": "/reminders/",
    "Profile": "/account/profile/",
}


def test_on_a_phone_one_menu_reaches_every_page_in_one_tap_even_without_javascript(
    logged_in, live_server, browser
):
    from tests.e2e.conftest import PHONE

    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    context.add_cookies(logged_in.context.cookies())
    page = context.new_page()
    page.goto(f"{live_server.url}/dashboard/")
    # One row, not two: the brand and the menu button side by side.
    brand = page.locator("header .brand").bounding_box()
    menu = page.get_by_text("Menu", exact=True).bounding_box()
    assert abs((brand["y"] + brand["height"] / 2) - (menu["y"] + menu["height"] / 2)) < 12
    for name, path in DESTINATIONS.items():
        page.goto(f"{live_server.url}/dashboard/")
        page.get_by_text("Menu", exact=True).click()
        link = page.get_by_role("navigation", name="Main").get_by_role(
            "link", name=name, exact=True
        )
        assert link.bounding_box()["height"] >= 44
        link.click()
        page.wait_for_url(re.compile(re.escape(path)))
    page.get_by_text("Menu", exact=True).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    context.close()


def test_log_yesterday_shows_only_the_fields_of_what_is_logged(logged_in, live_server):
    page = logged_in
    page.goto(f"{live_server.url}/progress/log-yesterday/")
    expect(page.get_by_role("group", name="Pain yesterday")).to_be_visible()
    expect(page.get_by_label("Routine", exact=True)).to_be_hidden()
    page.get_by_label("A routine I did").check()
    expect(page.get_by_role("group", name="Pain yesterday")).to_be_hidden()
    expect(page.get_by_label("Routine", exact=True)).to_be_visible()
    expect(page.get_by_role("group", name="Pain before the routine (optional)")).to_be_visible()
