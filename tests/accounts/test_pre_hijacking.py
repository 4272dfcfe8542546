"""Account pre-hijacking (issue 12, finding 1), through allauth's real views.

An address belongs to an account once it is verified there; an unverified address is only a
claim. A claim never blocks someone else's sign-up and never receives a password reset for
the account that made it; whoever verifies the address gets it, in their own account.
"""

import datetime as dt
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.conftest import PASSWORD
from tests.factories import CheckInFactory, UserFactory

pytestmark = pytest.mark.django_db

VICTIM = "victim@example.com"
VICTIMS_PASSWORD = "harbour-lantern-meadow"


def _paths(pattern: str) -> list[str]:
    """Every site path matching `pattern` in the emails sent so far."""
    return [
        path
        for message in mail.outbox
        for path in re.findall(r"https?://[^/\s]+(/\S+)", message.body)
        if re.search(pattern, path)
    ]


def _sign_up(client: Client, email: str = VICTIM, password: str = VICTIMS_PASSWORD):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password, "password2": password, "display_name": "Vic"},
    )


def _add_address(client: Client, email: str = VICTIM):
    return client.post(reverse("account_email"), {"email": email, "action_add": ""})


def _confirm(client: Client, email: str):
    """Follow the newest confirmation link sent to `email`."""
    links = [
        path
        for message in mail.outbox
        if email in message.to
        for path in re.findall(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", message.body)
    ]
    return client.post(links[-1])


def _reset_links_for(user: User) -> list[str]:
    return _paths(rf"/accounts/password/reset/key/{user_pk_to_url_str(user)}-")


def _logged_in_as(client: Client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


@pytest.fixture
def attacker(other_user):
    """B: an ordinary verified account, logged in, with health notes of their own."""
    CheckInFactory(user=other_user, pain=6, note="notes of the attackers own")
    client = Client()
    client.force_login(other_user)
    return client


def test_an_address_someone_else_added_but_never_verified_does_not_block_a_sign_up(
    client, attacker, other_user
):
    _add_address(attacker)
    assert EmailAddress.objects.filter(user=other_user, email=VICTIM, verified=False).exists()
    mail.outbox.clear()

    response = _sign_up(client)

    assert response.status_code == 302
    victim = User.objects.get(email=VICTIM)
    assert victim.pk != other_user.pk
    assert victim.check_password(VICTIMS_PASSWORD)
    # The email is a link to confirm the victim's own new account, not "account exists".
    assert [m.to for m in mail.outbox] == [[VICTIM]]
    assert _paths(r"/accounts/confirm-email/")
    # The attacker's claim on the address is gone.
    assert not EmailAddress.objects.filter(user=other_user, email=VICTIM).exists()


def test_a_password_reset_never_goes_to_an_address_the_account_did_not_verify(
    client, attacker, other_user
):
    _add_address(attacker)
    mail.outbox.clear()

    response = client.post(reverse("account_reset_password"), {"email": VICTIM})

    assert response.status_code == 302
    assert _reset_links_for(other_user) == []
    # The address has no account: the email says so and offers a sign-up instead.
    assert [m.to for m in mail.outbox] == [[VICTIM]]
    assert reverse("account_signup") in mail.outbox[0].body


def test_the_whole_pre_hijack_leaves_the_victim_in_their_own_account(client, attacker, other_user):
    """The attack as reported: B adds the victim's address, the victim signs up, resets
    their password and works in the app; B must never be in the victim's account."""
    _add_address(attacker)
    _sign_up(client)
    victim = User.objects.get(email=VICTIM)
    _confirm(client, VICTIM)
    assert EmailAddress.objects.get(email=VICTIM, verified=True).user == victim

    mail.outbox.clear()
    client.logout()
    client.post(reverse("account_reset_password"), {"email": VICTIM})
    assert _reset_links_for(other_user) == []
    [link] = _reset_links_for(victim)
    form_path = client.get(link, follow=True).redirect_chain[-1][0]
    new_password = "newer-harbour-lantern"
    client.post(form_path, {"password1": new_password, "password2": new_password})
    client.post(reverse("account_login"), {"login": VICTIM, "password": new_password})
    assert _logged_in_as(client) == victim.pk
    client.post(reverse("tracking:checkin"), {"pain": "7", "note": "a private note of the victims"})

    # B logs in with their own password and sees only their own data.
    attacker.logout()
    attacker.post(reverse("account_login"), {"login": other_user.email, "password": PASSWORD})
    assert _logged_in_as(attacker) == other_user.pk
    history = attacker.get(reverse("tracking:history")).text
    assert "notes of the attackers own" in history
    assert "a private note of the victims" not in history


def test_someone_elses_unverified_sign_up_does_not_keep_the_owner_out(client):
    squatter = Client()
    _sign_up(squatter, password="the-squatters-pass-phrase")
    squatted = User.objects.get(email=VICTIM)
    mail.outbox.clear()

    response = _sign_up(client)

    assert response.status_code == 302
    victim = User.objects.get(email=VICTIM)
    assert victim.pk != squatted.pk
    assert not User.objects.filter(pk=squatted.pk).exists()
    _confirm(client, VICTIM)
    assert _logged_in_as(client) == victim.pk
    # The squatter's password opens nothing.
    squatter.post(
        reverse("account_login"), {"login": VICTIM, "password": "the-squatters-pass-phrase"}
    )
    assert _logged_in_as(squatter) is None


def test_a_verified_owner_still_keeps_their_address(client, user):
    mail.outbox.clear()

    response = _sign_up(client, email=user.email)

    assert response.status_code == 302
    assert User.objects.filter(email=user.email).count() == 1
    # allauth's answer, which gives nothing away on the page: an email to the owner.
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "already have an account" in mail.outbox[0].body


def test_an_account_made_by_the_operator_keeps_its_address(client):
    # createsuperuser makes no allauth address row; the address is still taken.
    admin = User.objects.create_superuser(email="root@example.com", password=PASSWORD)
    response = _sign_up(client, email="root@example.com")
    assert list(User.objects.filter(email="root@example.com")) == [admin]

    # A first login on the site adds the row, unverified, and asks for verification.
    Client().post(reverse("account_login"), {"login": "root@example.com", "password": PASSWORD})
    assert EmailAddress.objects.filter(user=admin, verified=False).exists()
    response = _sign_up(client, email="root@example.com")

    assert response.status_code == 302
    assert list(User.objects.filter(email="root@example.com")) == [admin]


def test_an_account_has_one_address_and_a_change_needs_the_new_one_verified(attacker, other_user):
    old = other_user.email
    _add_address(attacker, "new.home@example.com")

    # Until the new address is verified, the old one is the account's address.
    other_user.refresh_from_db()
    assert other_user.email == old
    Client().post(reverse("account_reset_password"), {"email": "new.home@example.com"})
    assert _reset_links_for(other_user) == []

    _confirm(attacker, "new.home@example.com")

    other_user.refresh_from_db()
    assert other_user.email == "new.home@example.com"
    assert list(EmailAddress.objects.filter(user=other_user).values_list("email", "verified")) == [
        ("new.home@example.com", True)
    ]


def test_verifying_an_address_someone_else_signed_up_with_gives_it_to_the_verifier(
    attacker, other_user
):
    """The squatter signed up first with B's new address; B, who owns it, verifies it."""
    with time_machine.travel(dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)) as clock:
        _sign_up(Client(), email="new.home@example.com", password="the-squatters-pass-phrase")
        squatted = User.objects.get(email="new.home@example.com")
        # allauth sends one verification email per address every 3 minutes.
        clock.shift(dt.timedelta(minutes=4))
        _add_address(attacker, "new.home@example.com")

        response = _confirm(attacker, "new.home@example.com")

    assert response.status_code == 302
    other_user.refresh_from_db()
    assert other_user.email == "new.home@example.com"
    assert not User.objects.filter(pk=squatted.pk).exists()


def test_an_account_that_was_used_is_never_removed_by_a_sign_up(client):
    # Made before mandatory verification, or by the operator: it has logged in, so it is
    # someone's account, verified or not.
    used = UserFactory(email=VICTIM)
    EmailAddress.objects.create(user=used, email=VICTIM, verified=False, primary=True)
    Client().force_login(used)

    _sign_up(client)

    assert list(User.objects.filter(email=VICTIM)) == [used]
