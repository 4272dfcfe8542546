"""Browser journeys for issue 15: set-up to a first routine, building and playing an own
routine (drag and drop, and the keyboard), and accepting a plan change."""

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import user_signed_up
from django.test import RequestFactory
from playwright.sync_api import expect

from plans.models import PlanChange
from routines.models import Routine
from tests.e2e.conftest import PASSWORD, assert_accessible
from tests.factories import SessionFactory, UserFactory
from tracking.models import Session, local_today

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()


def test_a_newcomer_goes_from_the_set_up_to_their_first_routine(page, live_server):
    user = UserFactory(email="newcomer@example.com", time_zone="Europe/Paris")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user_signed_up.send(sender=user.__class__, request=RequestFactory().get("/"), user=user)

    _log_in(page, live_server, user)
    expect(page.get_by_role("heading", name="A few questions about warning signs")).to_be_visible()
    page.get_by_role("button", name="Not now").click()

    expect(page.get_by_role("heading", name="Set up your plan")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Stiff mornings").check()
    page.get_by_label("How many days a week").select_option("3")
    page.get_by_label("When should we remind you?").fill("07:30")
    page.get_by_role("button", name="Show me my first routine").click()

    page.wait_for_url(re.compile(r"/start/morning-mobility/$"))
    page.get_by_role("group", name="How much does your back hurt right now?").get_by_role(
        "radio", name="3", exact=True
    ).check()
    page.get_by_role("button", name="Continue to the routine").click()
    expect(page.locator("#player").get_by_text("Get ready")).to_be_visible()
    user.refresh_from_db()
    assert user.weekly_goal == 3
    assert Session.objects.get(user=user).routine.slug == "morning-mobility"


def _step_names(page) -> list[str]:
    return [
        re.sub(r"^\d+\.\s*", "", text)
        for text in page.locator(".builder-step h3").all_inner_texts()
    ]


def test_a_person_builds_reorders_and_plays_their_own_routine(logged_in, live_server, person):
    page = logged_in
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Routines").click()
    page.get_by_role("button", name="Build a routine").click()
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Name")).fill("Floor time")
    page.get_by_role("button", name="Create routine").click()
    expect(page.get_by_role("heading", name="Floor time")).to_be_visible()

    for name in ("Cat–cow", "Child's pose", "Pelvic tilt"):
        page.get_by_label(re.compile(r"^Exercise")).select_option(label=name)
        page.get_by_role("button", name="Add exercise").click()
        expect(page.locator(".builder-step h3", has_text=name)).to_be_visible()
    assert_accessible(page)
    assert _step_names(page) == ["Cat–cow", "Child's pose", "Pelvic tilt"]

    # Drag Pelvic tilt above Child's pose by its handle, as a finger would on a phone.
    handle = page.locator(".builder-step", has_text="Pelvic tilt").locator(".drag-handle")
    target = page.locator(".builder-step", has_text="Child's pose")
    page.wait_for_selector("[data-sortable][data-sortable-ready]", state="attached")
    handle.evaluate("element => element.scrollIntoView({block: 'center'})")
    box, goal = handle.bounding_box(), target.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    end = max(5, goal["y"] + goal["height"] / 3)  # well into Child's pose, from below
    page.mouse.move(x, y)
    page.mouse.down()
    for i in range(1, 21):
        page.mouse.move(x, y + (end - y) * i / 20)
        page.wait_for_timeout(20)
    # The saved order comes back as a new list: wait until it has replaced the old one, or
    # the keyboard below may press a button that the swap then takes away.
    page.evaluate(
        "window.orderSettled = false;"
        " document.addEventListener('htmx:afterSettle', () => { window.orderSettled = true; },"
        " {once: true})"
    )
    with page.expect_response(lambda response: response.url.endswith("/order/")) as saved:
        page.mouse.up()
    assert saved.value.status == 200
    page.wait_for_function("() => window.orderSettled")
    expect(page.locator(".builder-step h3").nth(1)).to_contain_text("Pelvic tilt")
    routine = Routine.objects.get(owner=person)
    assert list(routine.steps.order_by("order").values_list("exercise__slug", flat=True)) == [
        "cat-cow",
        "pelvic-tilt",
        "childs-pose",
    ]

    # And by keyboard: the focus stays on the moved step's buttons.
    page.get_by_role("button", name="Move Pelvic tilt up").focus()
    with page.expect_response(lambda response: "/steps/" in response.url):
        page.keyboard.press("Enter")
    expect(page.locator(".builder-step h3").first).to_contain_text("Pelvic tilt")
    # At the top, "up" is disabled. The focus moves once the swap settles: wait for it.
    expect(page.locator(":focus")).to_have_attribute("aria-label", "Move Pelvic tilt down")
    with page.expect_response(lambda response: "/steps/" in response.url):
        page.keyboard.press("Enter")
    expect(page.locator(".builder-step h3").nth(1)).to_contain_text("Pelvic tilt")
    expect(page.locator(":focus")).to_have_attribute("aria-label", "Move Pelvic tilt down")
    assert list(routine.steps.order_by("order").values_list("exercise__slug", flat=True)) == [
        "cat-cow",
        "pelvic-tilt",
        "childs-pose",
    ]

    # Changing a dose updates the total in place; a bad one says why.
    total = page.locator("#builder-total").inner_text()
    step = page.locator(".builder-step", has_text="Child's pose")
    step.get_by_label(re.compile(r"^Seconds")).fill("60")
    step.get_by_label(re.compile(r"^Seconds")).press("Tab")
    expect(page.locator("#builder-total")).not_to_have_text(total)
    step = page.locator(".builder-step", has_text="Child's pose")
    step.get_by_label(re.compile(r"^Seconds")).fill("500")
    step.get_by_label(re.compile(r"^Seconds")).press("Tab")
    expect(page.get_by_text("Set between 5 and 120 seconds.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Delete routine").click()
    assert_accessible(page)
    page.get_by_role("link", name="Keep it").click()

    page.get_by_role("button", name="Play this routine").click()
    page.get_by_role("group", name="How much does your back hurt right now?").get_by_role(
        "radio", name="2", exact=True
    ).check()
    page.get_by_role("button", name="Continue to the routine").click()
    expect(page.locator("#player").get_by_role("heading", name="Cat–cow")).to_be_visible()
    assert Session.objects.get(user=person).routine == routine


def test_a_person_accepts_a_plan_change(logged_in, live_server, person):
    page = logged_in
    person.weekly_goal = 2
    person.preferred_routine = Routine.objects.get(slug="desk-break")
    person.save()
    today = local_today(person)
    monday = today - dt.timedelta(days=today.weekday())
    for weeks_back, pain in ((2, 5), (1, 3)):
        start = monday - dt.timedelta(weeks=weeks_back)
        for offset in (0, 1):
            SessionFactory(
                user=person,
                routine=person.preferred_routine,
                local_date=start + dt.timedelta(days=offset),
                pain_before=pain,
                pain_after=pain,
            )

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="My plan").click()
    expect(page.get_by_text("your pain has eased from 5 to 3")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Accept the change").click()
    expect(page.get_by_text("is now your routine, with the change")).to_be_visible()
    expect(page.get_by_role("heading", name="History of changes")).to_be_visible()
    expect(page.get_by_text("(accepted)")).to_be_visible()
    assert_accessible(page)
    change = PlanChange.objects.get(user=person)
    assert change.status == "accepted" and change.to_routine.owner == person

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Dashboard").click()
    expect(page.locator(f"a[href='/start/{change.to_routine.slug}/']")).to_be_visible()
