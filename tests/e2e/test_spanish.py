"""A Spanish speaker on a phone: signs up, follows a routine and reads the result, in
Spanish from start to end; axe passes with the page's `lang` set to the language shown."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from tests.e2e.conftest import PASSWORD, assert_accessible
from tracking.models import Session

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def browser_context_args(browser_context_args):
    # The phone's language: Chromium sends it as Accept-Language.
    return {**browser_context_args, "locale": "es-ES"}


def assert_language(page, code: str) -> None:
    expect(page.locator("html")).to_have_attribute("lang", code)


def test_a_spanish_speaker_signs_up_and_follows_a_routine_in_spanish(page, live_server):
    page.goto(live_server.url)
    assert_language(page, "es")
    expect(page.get_by_role("link", name="Empezar", exact=True)).to_be_visible()
    assert_accessible(page)

    # The footer's switcher works without JavaScript, here to German and back.
    page.get_by_label("Idioma").select_option("de")
    page.get_by_role("button", name="Cambiar idioma").click()
    assert_language(page, "de")
    expect(page.get_by_role("link", name="Anmelden")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Sprache").select_option("es")
    page.get_by_role("button", name="Sprache ändern").click()
    assert_language(page, "es")

    page.get_by_role("link", name="Empezar", exact=True).click()
    assert_language(page, "es")
    page.locator("input[name=email]").fill("ana@example.com")
    page.get_by_label("Tu nombre (opcional)").fill("Ana")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    assert User.objects.get(email="ana@example.com").language == "es"

    path = re.search(r"/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + path)
    page.locator("main form button[type=submit]").click()
    expect(
        page.get_by_role("heading", name="Unas preguntas sobre señales de alarma")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Ahora no").click()

    page.get_by_text("Menú", exact=True).click()
    page.get_by_role("link", name="Rutinas", exact=True).click()
    assert_language(page, "es")
    expect(page.get_by_role("heading", name="Biblioteca de rutinas")).to_be_visible()
    page.get_by_role("link", name="Pausa en el escritorio").click()
    assert_accessible(page)
    page.get_by_role("link", name="Empezar esta rutina").click()

    group = page.get_by_role("group", name="¿Cuánto te duele la espalda ahora mismo?")
    group.get_by_role("radio", name="4", exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Continuar a la rutina").click()

    player = page.locator("#player")
    expect(player.get_by_text("Prepárate")).to_be_visible()
    page.get_by_role("button", name="Empezar").click()
    expect(player.get_by_text("Lado izquierdo")).to_be_visible()
    expect(player.get_by_text("Mantén", exact=True)).to_be_visible()
    page.get_by_role("button", name="Pausa").click()
    expect(page.get_by_role("button", name="Reanudar")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Reanudar").click()
    expect(page.get_by_role("button", name="Pausa")).to_be_visible()
    page.get_by_role("link", name="Terminar antes").click()
    assert_language(page, "es")
    assert_accessible(page)
    page.get_by_role("button", name="Sí, terminar la rutina").click()

    page.wait_for_url(re.compile(r"/finish/$"), timeout=20_000)
    assert_language(page, "es")
    finish = page.get_by_role("group", name="¿Cuánto te duele la espalda ahora?")
    finish.get_by_role("radio", name="2", exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Guardar y ver el resumen").click()

    expect(page.get_by_text("Tu dolor bajó 2 después de la rutina.")).to_be_visible()
    assert_accessible(page)
    session = Session.objects.get(user__email="ana@example.com")
    assert (session.pain_before, session.pain_after) == (4, 2)

    page.get_by_text("Menú", exact=True).click()
    page.get_by_role("link", name="Panel").click()
    expect(page.get_by_role("heading", name="Hola, Ana")).to_be_visible()
    assert_accessible(page)
