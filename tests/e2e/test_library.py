"""The library's filters in a browser: htmx swaps the list and pushes the URL; the pages
pass axe in light and dark mode."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, image_loads, shoot

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_filters_the_library_by_position_and_equipment(page, live_server):
    page.goto(f"{live_server.url}/routines/")
    assert_accessible(page)
    routines = page.locator("#routine-list")
    expect(routines.get_by_role("link", name="Evening release")).to_be_visible()

    page.get_by_label("Position").select_option("no_floor")
    page.wait_for_url(re.compile(r"position=no_floor"))
    expect(routines.get_by_role("link", name="Evening release")).to_have_count(0)
    for title in ("Three-minute reset", "After long sitting", "Standing only"):
        expect(routines.get_by_role("link", name=title)).to_be_visible()

    page.get_by_label("Equipment").select_option("foam_roller")
    expect(routines.get_by_text("No routine matches all of these")).to_be_visible()
    page.get_by_label("Position").select_option("")
    expect(routines.get_by_role("link", name="Foam roller: back and hips")).to_be_visible()
    expect(routines.get_by_role("link", name="Evening release")).to_be_visible()
    assert_accessible(page)

    # The filtered address works on its own, as a plain page.
    page.goto(f"{live_server.url}/routines/?position=standing")
    expect(page.locator("#routine-list").get_by_role("link", name="Standing only")).to_be_visible()
    page.locator("#routine-list").get_by_role("link", name="Standing only").click()
    expect(page.get_by_role("heading", name="Standing only", level=1)).to_be_visible()
    pictures = page.locator("img.exercise-illustration")
    assert pictures.count() == 5
    for index in range(pictures.count()):
        assert image_loads(pictures.nth(index))
    assert_accessible(page)
    shoot(page, "routine-standing-only")
