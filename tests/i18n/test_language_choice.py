"""Which language a page speaks: the person's choice, the switcher's cookie, the browser."""

import pytest
from django.conf import settings

from accounts.models import User

pytestmark = pytest.mark.django_db


def page_language(response) -> str:
    return response["Content-Language"]


def test_an_anonymous_visitor_gets_the_browsers_language(client):
    response = client.get("/routines/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.5")

    assert page_language(response) == "de"
    assert '<html lang="de">' in response.content.decode()


def test_a_browser_language_we_do_not_ship_falls_back_to_english(client):
    response = client.get("/routines/", HTTP_ACCEPT_LANGUAGE="fi-FI,fi;q=0.9")

    assert page_language(response) == "en"


def test_the_footer_offers_every_language_named_in_itself(client):
    body = client.get("/routines/").content.decode()

    assert 'action="/account/language/"' in body
    assert '<option value="es" lang="es">Español</option>' in body
    assert '<option value="de" lang="de">Deutsch</option>' in body


def test_the_switcher_works_for_an_anonymous_visitor_without_javascript(client):
    response = client.post("/account/language/", {"language": "es", "next": "/routines/"})

    assert response.status_code == 302
    assert response["Location"] == "/routines/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    # The choice beats the browser from then on.
    assert page_language(client.get("/routines/", HTTP_ACCEPT_LANGUAGE="de")) == "es"


def test_the_switcher_stores_the_choice_on_a_signed_in_persons_profile(user_client, user):
    user_client.post("/account/language/", {"language": "de", "next": "/dashboard/"})

    user.refresh_from_db()
    assert user.language == "de"
    assert user.email_language == "de"


def test_a_signed_in_persons_choice_beats_the_browser_and_the_cookie(client, user):
    user.language = "es"
    user.save()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"

    response = client.get("/account/profile/", HTTP_ACCEPT_LANGUAGE="de")

    assert page_language(response) == "es"


def test_until_they_choose_a_signed_in_person_gets_the_browsers_language(user_client, user):
    assert user.language == ""

    response = user_client.get("/account/profile/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.8")

    assert page_language(response) == "es"
    assert user.email_language == "en"


def test_the_profile_sets_the_language_and_the_cookie(user_client, user):
    data = {"display_name": "Ana", "time_zone": "Europe/Madrid", "country": "ES"}

    response = user_client.post("/account/profile/", {**data, "language": "es"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "es"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert page_language(user_client.get("/account/profile/", HTTP_ACCEPT_LANGUAGE="en")) == "es"

    # "Same as my browser" forgets the choice, cookie included.
    response = user_client.post("/account/profile/", {**data, "language": ""})
    user.refresh_from_db()
    assert user.language == ""
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""
    assert page_language(user_client.get("/account/profile/", HTTP_ACCEPT_LANGUAGE="de")) == "de"


def test_the_profile_refuses_a_language_we_do_not_ship(user_client, user):
    data = {"display_name": "Ana", "time_zone": "Europe/Madrid", "country": "ES"}

    response = user_client.post("/account/profile/", {**data, "language": "xx"})

    assert response.status_code == 400
    assert User.objects.get(pk=user.pk).language == ""


def test_the_switcher_refuses_a_language_we_do_not_ship(user_client, user):
    response = user_client.post("/account/language/", {"language": "klingon"})

    assert response.status_code == 400
    assert "klingon" in response.content.decode()
    user.refresh_from_db()
    assert user.language == ""
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_switcher_never_sends_anyone_to_another_site(client):
    response = client.post(
        "/account/language/", {"language": "de", "next": "https://evil.example.com/"}
    )

    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_the_switcher_only_takes_a_post(client):
    assert client.get("/account/language/?language=de").status_code == 405
