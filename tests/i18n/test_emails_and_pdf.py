"""Emails (subject and body) and the clinician PDF, made outside a request, in the person's
own language; the PDF keeps ñ, ü and ß."""

import datetime as dt
import subprocess

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from reminders.services import add_reminder, reminder_email
from safety import rules
from safety.questions import QUESTIONS
from safety.services import (
    flags_evaluate_user,
    screening_record,
    screening_skip,
    share_link_create,
)
from tests.factories import CheckInFactory, SessionFactory
from tests.safety.helpers import NOW, TODAY, rate

from .english import english_words

pytestmark = pytest.mark.django_db

URGENT_KEY = next(q.key for q in QUESTIONS if q.level == rules.URGENT)
EMERGENCY_KEY = next(q.key for q in QUESTIONS if q.level == rules.EMERGENCY)

SAFETY_SUBJECTS = {
    "es": [
        "Plantéate acudir a tu médico de cabecera o a un fisioterapeuta",
        "Contacta hoy con tu médico de cabecera o con un servicio de atención urgente",
        "Llama al 112 ahora",
    ],
    "de": [
        "Erwäge einen Besuch in der Hausarztpraxis oder bei der Physiotherapie",
        "Wende dich heute an deine Hausarztpraxis oder den ärztlichen Bereitschaftsdienst",
        "Ruf jetzt die 112 an",
    ],
}


def assert_no_english(text: str, where: str) -> None:
    found = english_words(text)
    assert not found, f"{where}: " + "; ".join(found[:8])


@pytest.fixture
def speaker(user):
    def speaks(language: str, country: str):
        user.language = language
        user.country = country
        user.display_name = "Ana"
        user.save()
        return user

    return speaks


@pytest.mark.parametrize("language", ["es", "de"])
def test_safety_emails_speak_the_persons_language_at_every_level(speaker, celery_eager, language):
    user = speaker(language, "ES" if language == "es" else "DE")
    screening_skip(user=user)
    with time_machine.travel(NOW, tick=False):
        rate(user, [8, 9, 8])
        flags_evaluate_user(user_id=user.pk)
        screening_record(user=user, answers={URGENT_KEY: True})
        flags_evaluate_user(user_id=user.pk)
        screening_record(user=user, answers={URGENT_KEY: True, EMERGENCY_KEY: True})
        flags_evaluate_user(user_id=user.pk)

    assert [m.subject for m in mail.outbox] == SAFETY_SUBJECTS[language]
    for message in mail.outbox:
        assert_no_english(message.subject + "\n" + message.body, message.subject)
    emergency = mail.outbox[-1].body
    if language == "es":
        assert "España: el número de emergencias es el 112." in emergency
        assert "BackEase solo tiene en cuenta las valoraciones que le das." in emergency
    else:
        assert "Deutschland: Die Notrufnummer ist 112." in emergency
        assert "Hör auf und ruf jetzt an oder geh in die nächste Notaufnahme." in emergency


def test_an_email_for_someone_who_never_chose_a_language_is_in_english(user, celery_eager):
    screening_record(user=user, answers={EMERGENCY_KEY: True})
    flags_evaluate_user(user_id=user.pk)
    assert mail.outbox[0].subject == "Call 999 now"


@pytest.mark.parametrize(
    ("language", "subject", "streak"),
    [
        ("es", "Tu rutina para la espalda de hoy", "Tu racha: 3 días seguidos."),
        ("de", "Deine Rückenroutine für heute", "Deine Serie: 3 Tage in Folge."),
    ],
)
def test_the_reminder_email_speaks_the_persons_language(speaker, language, subject, streak):
    user = speaker(language, "ES")
    for days_ago in range(3):
        SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=days_ago))
        CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=days_ago), pain=3)
    with time_machine.travel(NOW, tick=False):
        schedule = add_reminder(user, local_time=dt.time(8), weekdays=0b1111111)
        message = reminder_email(schedule=schedule, local_date=TODAY)

    assert message.subject == subject
    html = message.alternatives[0].content
    assert streak in message.body and streak in html
    assert f'lang="{language}"' in html
    assert_no_english(message.subject + "\n" + message.body, "reminder text")
    from .english import readable_text

    assert_no_english(readable_text(html), "reminder html")


@pytest.mark.parametrize(
    ("language", "words"),
    [("es", "Confirma tu dirección de correo electrónico"), ("de", "Bitte bestätige deine E-Mail")],
)
def test_signing_up_in_a_language_keeps_it_and_sends_the_verification_in_it(
    client, language, words
):
    response = client.post(
        reverse("account_signup"),
        {
            "email": f"nueva-{language}@example.com",
            "password1": "una-frase-de-paso-larga",
            "password2": "una-frase-de-paso-larga",
            "time_zone": "Europe/Madrid",
        },
        HTTP_ACCEPT_LANGUAGE=language,
    )

    assert response.status_code == 302
    from accounts.models import User

    assert User.objects.get(email=f"nueva-{language}@example.com").language == language
    assert len(mail.outbox) == 1
    assert words.lower() in (mail.outbox[0].subject + mail.outbox[0].body).lower()


def test_a_password_reset_speaks_the_accounts_language_not_the_browsers(user):
    user.language = "de"
    user.save()
    EmailAddress.objects.filter(user=user).update(verified=True)

    from django.test import Client

    response = Client().post(
        reverse("account_reset_password"), {"email": user.email}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    mail_reset = mail.outbox[-1]
    assert "Passwort" in mail_reset.subject + mail_reset.body
    assert_no_english(mail_reset.subject + "\n" + mail_reset.body, "password reset")


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.fixture
def history(user):
    screening_skip(user=user)
    for days_ago in range(14):
        CheckInFactory(
            user=user,
            local_date=TODAY - dt.timedelta(days=days_ago),
            pain=5,
            note="La niña, müde am Fuß",
        )
    return user


@pytest.mark.parametrize(
    ("language", "country", "expected"),
    [
        (
            "es",
            "ES",
            ["Dolor lumbar: resumen de autocuidado", "País: España", "La niña, müde am Fuß"],
        ),
        (
            "de",
            "DE",
            ["Kreuzschmerzen: Zusammenfassung", "Regelmäßigkeit", "La niña, müde am Fuß"],
        ),
    ],
)
def test_the_pdf_is_in_the_persons_language_with_its_letters_intact(
    client, history, tmp_path, language, country, expected
):
    history.language = language
    history.country = country
    history.save()
    client.force_login(history)
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse("safety:summary_pdf"))

    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    for words in expected:
        assert words in text, (words, text[:500])
    assert "?" not in text.replace("¿", "")  # no letter replaced for want of a glyph
    assert_no_english(text, f"{language} PDF")


def test_the_shared_pdf_speaks_its_owners_language_to_any_reader(client, history, tmp_path):
    history.language = "de"
    history.country = "AT"
    history.save()
    _link, token = share_link_create(user=history)
    with time_machine.travel(NOW, tick=False):
        response = client.get(
            reverse("safety:shared_summary_pdf", args=[token]), HTTP_ACCEPT_LANGUAGE="en"
        )
    text = pdf_text(response.content, tmp_path)
    assert "Land: Österreich - Notrufnummer 112" in text
    assert "Schmerz (0-10, täglich)" in text
