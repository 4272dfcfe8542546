"""Plain tests for what the Hypothesis tests found, and for Django's own request limits."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from reminders.models import ReminderSchedule
from tests.conftest import PASSWORD

from .harness import assert_rejected, snapshot, text_of

pytestmark = pytest.mark.django_db


def test_the_sound_toggle_follows_a_next_address_that_is_a_bare_word(client_of, person):
    # Was a 500: redirect("0") tried "0" as a URL name first (NoReverseMatch).
    response = client_of.post(reverse("tracking:toggle_sound"), {"next": "0"})
    assert response.status_code == 302
    assert response["Location"] == "0"
    person.refresh_from_db()
    assert person.sound_muted


def test_the_sound_toggle_goes_home_for_an_address_on_another_site(client_of, person):
    response = client_of.post(reverse("tracking:toggle_sound"), {"next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


@pytest.mark.parametrize("note", ["x" * 2001, "a\x00b"])
def test_rating_a_routine_says_why_the_note_was_refused(client_of, person, unrated_session, note):
    # The after-routine form used to answer 400 without showing the note's error.
    before = snapshot(person)
    response = client_of.post(
        reverse("tracking:finish", args=[unrated_session.pk]), {"pain_after": "2", "note": note}
    )
    assert_rejected(response, before, snapshot(person), status=400)
    assert 'role="alert"' in text_of(response)


@pytest.mark.parametrize("htmx", [False, True])
def test_a_refused_reminder_form_writes_no_reminder_row(client_of, person, htmx):
    # A refused post used to create the default row before validating.
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client_of.post(reverse("reminders:settings"), {"local_time": "nope"}, **headers)
    assert response.status_code == 400
    assert "Please enter a time like 08:00." in text_of(response)
    assert not ReminderSchedule.objects.filter(user=person).exists()


def test_a_wrong_password_at_log_in_answers_400_with_the_message(user):
    response = Client().post(reverse("account_login"), {"login": user.email, "password": "no"})
    assert response.status_code == 400
    assert "The email address and/or password you specified are not correct." in text_of(response)


def test_mismatched_new_passwords_answer_400_and_keep_the_old_one(client_of, person):
    before = snapshot(person)
    response = client_of.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "a-new-phrase-1", "password2": "a-new-phrase-2"},
    )
    assert_rejected(response, before, snapshot(person), status=400)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_a_valid_allauth_form_still_redirects(user):
    response = Client().post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_too_many_fields_answer_400_and_change_nothing(client_of, person, old_checkin):
    before = snapshot(person)
    data = {f"f{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client_of.post(reverse("tracking:checkin"), {**data, "pain": "3"})
    assert response.status_code == 400
    assert snapshot(person) == before


def test_a_body_over_the_upload_limit_answers_400_and_changes_nothing(client_of, person):
    before = snapshot(person)
    body = "pain=3&note=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client_of.post(
        reverse("tracking:checkin"), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert snapshot(person) == before


@pytest.mark.parametrize(
    "content_type", ["multipart/form-data; boundary=boundary", "multipart/form-data"]
)
def test_a_broken_multipart_body_answers_400(client_of, person, content_type):
    before = snapshot(person)
    body = b'--nope\r\nContent-Disposition: form-data; name="pain\r\n\r\n3'
    response = client_of.post(reverse("tracking:checkin"), body, content_type=content_type)
    assert response.status_code == 400
    assert snapshot(person) == before


@pytest.mark.parametrize(
    "current_url",
    ["http://[", "https://[::1", "http://testserver:99999/", "http://testserver//evil.example/"],
)
def test_a_broken_htmx_current_url_still_sends_an_anonymous_visitor_to_log_in(current_url):
    # Was a 500: urlsplit("http://[") raises ValueError in the login redirect for htmx. And
    # "//evil.example/" is no path of this site to come back to.
    response = Client().get(
        reverse("progress:dashboard"),
        headers={"HX-Request": "true", "HX-Current-URL": current_url},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("account_login") + "?next=%2F"


@pytest.mark.parametrize("size", [10, 3 * 1024 * 1024])
def test_a_form_sent_with_a_file_is_refused_before_the_file_is_kept(
    client_of, person, size, settings, tmp_path
):
    # No form takes a file; Django used to stream any size of file to a temporary file
    # (before even the CSRF check), then let the view act on the other fields.
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    before = snapshot(person)
    upload = SimpleUploadedFile("scan.pdf", b"x" * size, content_type="application/pdf")
    response = client_of.post(reverse("tracking:checkin"), {"pain": "3", "scan": upload})
    assert response.status_code == 400
    assert text_of(response).strip()
    assert snapshot(person) == before
    assert list(tmp_path.iterdir()) == []


def test_logging_in_with_a_file_attached_is_refused(user):
    upload = SimpleUploadedFile("big.bin", b"x" * 1024, content_type="application/octet-stream")
    client = Client()
    data = {"login": user.email, "password": PASSWORD, "file": upload}
    response = client.post(reverse("account_login"), data)
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_the_largest_form_fits_well_under_the_request_size_cap(client_of, person):
    note = "😀" * 2000  # the longest note, in 4-byte characters
    response = client_of.post(reverse("tracking:checkin"), {"pain": "3", "note": note})
    assert response.status_code == 302
    assert person.checkins.get().note == note
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 256 * 1024
