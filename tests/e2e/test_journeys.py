import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from reminders.models import ReminderSchedule
from safety.questions import QUESTIONS
from tests.e2e.conftest import PASSWORD, assert_accessible, shoot
from tracking.models import CheckIn, Session

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_new_person_signs_up_verifies_their_email_and_logs_in(page, live_server):
    page.goto(live_server.url)
    assert_accessible(page)
    shoot(page, "landing")
    page.get_by_role("link", name="Get started").click()
    assert_accessible(page)
    shoot(page, "signup")
    page.get_by_label("Email").fill("new.person@example.com")
    page.get_by_label("Your name (optional)").fill("Alex")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    path = re.search(r"/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + path)
    page.get_by_role("button", name="Confirm").click()
    # Verified and signed in: log out, then log in again with the new password.
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").click()
    assert_accessible(page)
    shoot(page, "login")
    page.get_by_label("Email").fill("new.person@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    # First time in: the warning-sign questions, which can be left for later.
    expect(page.get_by_role("heading", name="A few questions about warning signs")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Not now").click()
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Profile").click()
    # The browser filled in its own time zone at sign-up.
    expect(page.get_by_label("Time zone")).to_have_value(re.compile(r".+/.+|UTC"))
    page.get_by_label("Time zone").select_option("Asia/Kolkata")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    assert_accessible(page)

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Reminders").click()
    assert_accessible(page)
    page.get_by_label("Name (optional)").fill("Morning stretch")
    page.get_by_label("Time of day").fill("07:30")
    page.get_by_role("button", name="Add this reminder").click()
    expect(page.get_by_text("Your reminder is added.")).to_be_visible()
    expect(page.get_by_text("Morning stretch")).to_be_visible()
    shoot(page, "reminders")
    settings = ReminderSchedule.objects.get(user__email="new.person@example.com")
    assert settings.enabled and settings.local_time.strftime("%H:%M") == "07:30"
    assert settings.next_reminder_at is not None


def _rate(page, group_label: str, value: str) -> None:
    page.get_by_role("group", name=group_label).get_by_role("radio", name=value, exact=True).check()


def test_a_person_follows_a_routine_with_the_timers_from_start_to_summary(
    logged_in, live_server, person
):
    page = logged_in
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Routines").click()
    assert_accessible(page)
    shoot(page, "library")
    page.get_by_label("Length").select_option("short")
    expect(page.get_by_role("link", name="Evening release")).to_have_count(0)
    page.wait_for_url(re.compile(r"length=short"))  # htmx pushed the filter to the URL
    page.get_by_role("link", name="Desk break").click()
    assert_accessible(page)
    shoot(page, "routine")
    page.get_by_role("link", name="Start this routine").click()

    _rate(page, "How much does your back hurt right now?", "4")
    assert_accessible(page)
    page.get_by_role("button", name="Continue to the routine").click()

    player = page.locator("#player")
    expect(player.get_by_text("Get ready")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Start").click()
    expect(player.get_by_text("Left side")).to_be_visible()
    expect(player.get_by_text("Hold", exact=True)).to_be_visible()
    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    shoot(page, "player-paused")
    assert_accessible(page)
    page.get_by_role("button", name="Resume").click()
    shoot(page, "player-running")
    assert_accessible(page)

    page.get_by_role("button", name="Pause").click()
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    frozen = player.locator("[data-countdown]").inner_text()
    page.wait_for_timeout(1200)
    assert player.locator("[data-countdown]").inner_text() == frozen
    page.get_by_role("button", name="Resume").click()

    # Short-lived states are watched on every animation frame, not polled.
    page.wait_for_function(
        "() => document.querySelector('#player .phase-label')?.textContent.includes('Switch sides')"
    )
    page.wait_for_function(
        "() => document.querySelector('#player .side')?.textContent.includes('Right side')"
    )

    # Cat–cow counts repetitions; skip it because it hurts.
    expect(player.get_by_text("Tap to count")).to_be_visible(timeout=20_000)
    page.get_by_role("button", name="It hurts").click()
    expect(player.get_by_role("heading", name="Child's pose")).to_be_visible()

    page.wait_for_url(re.compile(r"/finish/$"), timeout=20_000)
    assert_accessible(page)
    _rate(page, "How much does your back hurt now?", "2")
    page.get_by_role("group", name="Seated twist").get_by_label("Felt easier").check()
    page.get_by_role("button", name="Save and see the summary").click()

    expect(page.get_by_text("Your pain went down by 2 after the routine.")).to_be_visible()
    assert_accessible(page)
    shoot(page, "summary")

    session = Session.objects.get(user=person)
    assert session.status == "completed"
    assert (session.pain_before, session.pain_after) == (4, 2)
    states = {r.exercise.slug: (r.state, r.skip_reason) for r in session.step_records.all()}
    assert states["cat-cow"] == ("skipped", "hurts")
    assert states["seated-twist"] == ("done", "")

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="History", exact=True).click()
    expect(page.get_by_role("link", name="Desk break")).to_be_visible()
    assert_accessible(page)
    shoot(page, "history")


def test_reloading_in_the_middle_of_a_hold_continues_where_it_was(logged_in, live_server, settings):
    settings.PLAYER_TIME_SCALE = 0.5  # a 15-second hold: long enough to reload in
    page = logged_in
    page.goto(f"{live_server.url}/start/desk-break/")
    _rate(page, "How much does your back hurt right now?", "3")
    page.get_by_role("button", name="Continue to the routine").click()
    page.get_by_role("button", name="Start").click()
    player = page.locator("#player")
    expect(player.get_by_text("Hold", exact=True)).to_be_visible(timeout=10_000)
    page.wait_for_timeout(2000)
    before = player.locator("[data-countdown]").inner_text()

    page.reload()
    expect(player.get_by_text("Hold", exact=True)).to_be_visible()
    expect(player.get_by_text("Left side")).to_be_visible()
    after = player.locator("[data-countdown]").inner_text()
    seconds = lambda text: int(text.split(":")[0]) * 60 + int(text.split(":")[1])  # noqa: E731
    assert 0 < seconds(after) <= seconds(before) <= 15
    page.wait_for_timeout(1500)
    assert seconds(player.locator("[data-countdown]").inner_text()) < seconds(after)


def test_a_daily_check_in_is_saved_without_a_page_reload(logged_in, live_server, person):
    page = logged_in
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Check-in").click()
    assert_accessible(page)
    _rate(
        page,
        "How is your back today? (" + page.locator("legend small").inner_text()[1:-1] + ")",
        "3",
    )
    page.get_by_label("Note (optional)").fill("Stiff in the morning")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Saved for today.")).to_be_visible()
    shoot(page, "checkin")
    checkin = CheckIn.objects.get(user=person)
    assert (checkin.pain, checkin.note) == (3, "Stiff in the morning")


def test_new_symptoms_in_the_check_in_ask_the_emergency_questions_in_place(
    logged_in, live_server, person
):
    page = logged_in
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Check-in").click()
    _rate(
        page,
        "How is your back today? (" + page.locator("legend small").inner_text()[1:-1] + ")",
        "4",
    )
    page.get_by_label("I have new symptoms, such as numbness, tingling or weakness").check()
    question = page.get_by_role("group", name="Are you having difficulty peeing?")
    expect(question).to_be_visible()  # swapped in, no page load
    assert_accessible(page)
    shoot(page, "checkin-emergency-questions")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Please answer yes or no to each question.")).to_be_visible()
    for group in page.locator("fieldset.yes-no").all():
        group.get_by_label("No").check()
    question.get_by_label("Yes").check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_role("heading", name="Call 112 now")).to_be_visible()
    assert CheckIn.objects.get(user=person).pain == 4


def test_the_whole_routine_can_be_done_with_the_keyboard_only(logged_in, live_server, person):
    page = logged_in
    page.goto(f"{live_server.url}/routines/")
    page.get_by_label("Length").focus()
    page.keyboard.press("ArrowDown")  # "Under 5 minutes"
    expect(page.get_by_role("link", name="Evening release")).to_have_count(0)
    page.get_by_role("link", name="Desk break").press("Enter")
    page.get_by_role("link", name="Start this routine").press("Enter")

    page.get_by_role("radio", name="5", exact=True).first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Continue to the routine").press("Enter")

    player = page.locator("#player")
    expect(player.get_by_text("Get ready")).to_be_visible()
    page.wait_for_selector("html[data-player-ready]", state="attached")
    page.keyboard.press("Space")  # start
    expect(player.get_by_text("Hold", exact=True)).to_be_visible()
    page.keyboard.press("Space")  # pause
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    page.keyboard.press("Space")  # resume
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    expect(player.get_by_text("Tap to count")).to_be_visible(timeout=20_000)
    page.get_by_role("button", name="It hurts").press("Enter")  # skip cat–cow
    expect(player.get_by_role("heading", name="Child's pose")).to_be_visible()
    page.keyboard.press("ArrowRight")  # move on without waiting
    page.wait_for_url(re.compile(r"/finish/$"), timeout=20_000)

    page.get_by_role("radio", name="1", exact=True).first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save and see the summary").press("Enter")
    expect(page.get_by_text("Your pain went down by 4 after the routine.")).to_be_visible()
    records = Session.objects.get(user=person).step_records
    assert records.filter(state="done").count() == 2
    assert records.get(exercise__slug="cat-cow").skip_reason == "hurts"


def test_the_dashboard_shows_a_finished_session_and_the_chart_switches_range_in_place(
    logged_in, live_server, person
):
    page = logged_in
    page.goto(f"{live_server.url}/start/desk-break/")
    _rate(page, "How much does your back hurt right now?", "5")
    page.get_by_role("button", name="Continue to the routine").click()
    page.get_by_role("button", name="Start").click()
    for _ in range(40):  # press "next" through the routine as fast as a person could
        if "/finish/" in page.url:
            break
        button = page.locator('#player [data-action="next"]')
        if button.count():
            button.click()
        page.wait_for_timeout(150)
    page.wait_for_url(re.compile(r"/finish/$"))
    _rate(page, "How much does your back hurt now?", "3")
    page.get_by_role("button", name="Save and see the summary").click()

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Dashboard").click()
    assert_accessible(page)
    shoot(page, "dashboard")
    streak = page.locator("dt", has_text="Current streak").locator("xpath=following-sibling::dd")
    expect(streak).to_have_text("1 day")

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Progress").click()
    assert_accessible(page)
    shoot(page, "progress")
    expect(page.locator("#charts svg circle.pt-before")).to_have_count(1)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("button", name="90 days").click()
    expect(page.get_by_role("heading", name="Pain over the last 90 days")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True  # swapped in place, no reload
    assert "range=90" in page.url


def test_the_export_downloads_a_file_with_the_session(logged_in, live_server, person):
    from tests.factories import SessionFactory

    SessionFactory(user=person, note="exported note")
    page = logged_in
    page.goto(f"{live_server.url}/progress/")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as JSON").click()
    path = info.value.path()
    data = Path(path).read_text(encoding="utf-8")
    assert "exported note" in data and "morning-mobility" in data


def test_an_emergency_answer_shows_the_advice_and_pauses_routines(logged_in, live_server):
    page = logged_in
    page.get_by_role("link", name="When to get help").click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/safety/screening/?reason=help")
    assert_accessible(page)
    for question in QUESTIONS:  # each needs its own answer
        group = page.get_by_role("group", name=str(question.text))
        group.get_by_label("Yes" if question.key == "peeing" else "No", exact=True).check()
    page.get_by_role("button", name="Done").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Call \d+ now$"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Call \d+$"))).to_be_visible()
    assert_accessible(page)
    shoot(page, "emergency")

    # Every page carries the alert, and routines are paused, until it is read.
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("alert").filter(has_text="Routines are paused")).to_be_visible()
    assert_accessible(page)
    shoot(page, "emergency-dashboard")
    page.goto(f"{live_server.url}/start/desk-break/")
    expect(page.get_by_role("heading", name=re.compile(r"^Call \d+ now$"))).to_be_visible()
    page.get_by_role("button", name="I have read this").click()
    page.goto(f"{live_server.url}/start/desk-break/")
    expect(page.get_by_role("button", name="Continue to the routine")).to_be_visible()


def test_the_player_and_pain_scale_have_touch_targets_of_at_least_44_pixels(logged_in, live_server):
    page = logged_in
    page.goto(f"{live_server.url}/start/desk-break/")
    for radio in page.locator("label.pain-option").all():
        box = radio.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    _rate(page, "How much does your back hurt right now?", "2")
    page.get_by_role("button", name="Continue to the routine").click()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Pause").click()
    # Wait for the paused fragment; buttons of the old one detach mid-swap.
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    for button in page.locator("#player button:visible").all():
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (button.inner_text(), box)
    size = page.locator("[data-countdown]").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)"
    )
    assert size >= 64  # numerals readable from a metre away on a 390 px phone
