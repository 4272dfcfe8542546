import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail, signing
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from reminders import services
from reminders.models import Reminder, ReminderSchedule
from routines import services as routine_services
from routines.models import Exercise, Routine
from tests.conftest import PASSWORD
from tests.factories import CheckInFactory, ReminderScheduleFactory, SessionFactory

from .conftest import set_reminder

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager")]

UTC = dt.UTC
DUE = dt.datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 08:00 in London, where the factory lives
TODAY = dt.date(2026, 3, 2)


def _due_reminder(user, dispatch, **kwargs) -> Reminder:
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        set_reminder(user, local_time=dt.time(8, 0), **kwargs)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    return Reminder.objects.get(user=user)


def test_the_email_has_the_name_routine_link_streak_and_pain_trend(user, dispatch):
    routine = Routine.objects.published().get(slug="desk-break")
    for days_ago in (1, 2):
        SessionFactory(user=user, local_date=TODAY - dt.timedelta(days=days_ago))
    # A day's value is its highest rating: 7 (the check-in) and 5 (the session's before).
    CheckInFactory(user=user, local_date=TODAY - dt.timedelta(days=1), pain=7)
    _due_reminder(user, dispatch, routine=routine, label="Desk break")

    [message] = mail.outbox
    start_url = settings.SITE_URL + reverse("tracking:start", args=[routine.slug])
    html = message.alternatives[0].content
    assert message.subject == "Desk break: your back routine"
    for part in (message.body, html):
        assert user.name in part
        assert "Desk break" in part
        assert routine.title in part
        assert start_url in part
        assert "2 days in a row" in part
        assert "Your average pain over the last 7 days is 6.0 out of 10." in part
    assert message.alternatives[0].mimetype == "text/html"
    assert message.to == [user.email]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert unsubscribe.startswith(settings.SITE_URL + "/reminders/unsubscribe/")
    assert unsubscribe in message.body
    # The raw header carries the URL as is (not RFC 2047-encoded), as mail clients need.
    raw = message.message().as_bytes().decode()
    assert f"List-Unsubscribe: <{unsubscribe}>\n" in raw.replace("\r\n", "\n")
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def test_the_button_of_a_reminder_without_a_routine_opens_the_dashboard(user, dispatch):
    _due_reminder(user, dispatch)
    [message] = mail.outbox
    dashboard = settings.SITE_URL + reverse("progress:dashboard")
    assert message.subject == "Your back routine for today"
    for part in (message.body, message.alternatives[0].content):
        assert dashboard in part
        assert "/start/" not in part


def test_each_reminders_email_opens_its_own_routine(user, dispatch):
    desk = Routine.objects.published().get(slug="desk-break")
    evening = Routine.objects.published().get(slug="evening-release")
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        services.reminder_add(user=user, local_time=dt.time(8, 0), weekdays=127, routine=desk)
        services.reminder_add(user=user, local_time=dt.time(20, 0), weekdays=127, routine=evening)
    with time_machine.travel(DUE, tick=False):
        dispatch()
    with time_machine.travel(DUE + dt.timedelta(hours=12), tick=False):
        dispatch()
    morning, night = mail.outbox
    assert reverse("tracking:start", args=[desk.slug]) in morning.body
    assert reverse("tracking:start", args=[evening.slug]) in night.body
    assert morning.extra_headers["List-Unsubscribe"] != night.extra_headers["List-Unsubscribe"]


def test_todays_routine_is_the_last_one_done_when_none_is_chosen(user):
    SessionFactory(user=user, routine=Routine.objects.get(slug="evening-release"))
    assert services.routine_for_today(user).slug == "evening-release"


def test_todays_routine_is_the_plans_own_routine_and_never_someone_elses(user, other_user):
    own = routine_services.routine_create(owner=user, title="Mine, a little longer")
    routine_services.step_add(routine=own, exercise=Exercise.objects.get(slug="cat-cow"))
    user.preferred_routine = own
    user.save()
    assert services.routine_for_today(user) == own
    # Another person's routine, or a deleted one of one's own, is never suggested.
    other_user.preferred_routine = own
    other_user.save()
    assert services.routine_for_today(other_user) == Routine.objects.published().first()
    Routine.objects.filter(pk=own.pk).update(deleted_at=timezone.now())
    assert services.routine_for_today(user) == Routine.objects.published().first()


def test_todays_routine_is_the_first_published_one_for_a_newcomer(user):
    assert services.routine_for_today(user) == Routine.objects.published().first()


def _unsubscribe_url(schedule) -> str:
    return reverse("reminders:unsubscribe", args=[schedule.token])


def _two_reminders(user):
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        first = services.reminder_add(user=user, local_time=dt.time(11, 0), weekdays=31)
        second = services.reminder_add(user=user, local_time=dt.time(15, 0), weekdays=31)
    return first, second


def test_the_unsubscribe_link_asks_first_without_a_login(client, user):
    first, _second = _two_reminders(user)
    response = client.get(_unsubscribe_url(first))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stop this reminder" in html
    assert "Stop all my reminders" in html
    assert ReminderSchedule.objects.filter(user=user, enabled=True).count() == 2


def test_the_unsubscribe_token_is_random_and_does_not_reveal_the_person(user):
    first, second = _two_reminders(user)
    other = ReminderScheduleFactory()
    tokens = {first.token, second.token, other.token}
    assert len(tokens) == 3
    for token in tokens:
        assert len(token) >= 32
        # No signed payload (value:timestamp:signature), just random URL-safe characters.
        assert re.fullmatch(r"[A-Za-z0-9_-]+", token)
        # Nothing inside it decodes to an id, as the signed tokens of old did.
        with pytest.raises(signing.BadSignature):
            signing.loads(token, salt=services.UNSUBSCRIBE_SALT)


def test_one_click_unsubscribe_stops_that_reminder_only_without_login_or_csrf(user):
    from django.test import Client

    first, second = _two_reminders(user)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _unsubscribe_url(first),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.enabled, first.next_reminder_at) == (False, None)
    assert second.enabled
    assert second.next_reminder_at is not None


def test_the_unsubscribe_page_can_stop_all_of_a_persons_reminders(client, user):
    first, second = _two_reminders(user)
    other = ReminderScheduleFactory()
    response = client.post(_unsubscribe_url(first), {"scope": "all"})
    assert response.status_code == 200
    assert "no more reminder emails" in response.content.decode()
    assert not ReminderSchedule.objects.filter(user=user, enabled=True).exists()
    assert ReminderSchedule.objects.get(pk=other.pk).enabled


def test_a_tampered_unsubscribe_link_gets_a_clear_400(client, user):
    first, _second = _two_reminders(user)
    for token in (first.token[:-3] + "xyz", "x" * 200, str(user.pk)):
        response = client.post(reverse("reminders:unsubscribe", args=[token]))
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert ReminderSchedule.objects.filter(user=user, enabled=True).count() == 2


def test_an_old_signed_link_from_the_last_year_still_stops_the_reminders(client, user):
    _two_reminders(user)
    with time_machine.travel(DUE - dt.timedelta(days=300), tick=False):
        old_token = signing.dumps(user.pk, salt=services.UNSUBSCRIBE_SALT)
    with time_machine.travel(DUE, tick=False):
        assert client.get(reverse("reminders:unsubscribe", args=[old_token])).status_code == 200
        response = client.post(reverse("reminders:unsubscribe", args=[old_token]))
    assert response.status_code == 200
    assert not ReminderSchedule.objects.filter(user=user, enabled=True).exists()


def test_an_old_signed_link_over_a_year_old_is_refused(client, user):
    _two_reminders(user)
    with time_machine.travel(DUE - dt.timedelta(days=400), tick=False):
        old_token = signing.dumps(user.pk, salt=services.UNSUBSCRIBE_SALT)
    with time_machine.travel(DUE, tick=False):
        response = client.post(reverse("reminders:unsubscribe", args=[old_token]))
    assert response.status_code == 400
    assert ReminderSchedule.objects.filter(user=user, enabled=True).count() == 2


def test_the_reminders_page_needs_a_login(client):
    response = client.get(reverse("reminders:settings"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_reminders_page_offers_to_add_one_with_the_defaults(user_client):
    response = user_client.get(reverse("reminders:settings"))
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert 'value="08:00"' in html
    assert "You have no reminders yet." in html
    assert "Add this reminder" in html
    assert "<script>" not in html
    assert 'style="' not in html


ADD = {
    "label": "Desk break",
    "enabled": "on",
    "local_time": "11:00",
    "weekdays": ["0", "1", "2", "3", "4"],
    "skip_if_done": "on",
}


def test_adding_with_a_plain_form_redirects_and_plans_the_reminder(user_client, user):
    with time_machine.travel(DUE - dt.timedelta(hours=2), tick=False):
        response = user_client.post(reverse("reminders:settings"), ADD | {"local_time": "07:30"})
        assert response.status_code == 302
        user_client.post(reverse("reminders:settings"), ADD | {"local_time": "15:00"})
    first, second = ReminderSchedule.objects.filter(user=user)
    assert (first.label, first.enabled, first.local_time, first.days) == (
        "Desk break",
        True,
        dt.time(7, 30),
        [0, 1, 2, 3, 4],
    )
    assert first.next_reminder_at == dt.datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
    assert second.next_reminder_at == dt.datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    html = user_client.get(reverse("reminders:settings")).content.decode()
    assert "07:30" in html and "15:00" in html


def test_adding_with_htmx_returns_the_list_fragment(user_client, user):
    routine = Routine.objects.published().get(slug="desk-break")
    response = user_client.post(
        reverse("reminders:settings"),
        {"enabled": "on", "local_time": "21:00", "weekdays": ["5", "6"], "routine": routine.pk},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="reminders"' in html
    assert "Your reminder is added." in html
    assert routine.title in html
    row = ReminderSchedule.objects.get(user=user)
    assert not row.skip_if_done
    assert row.days == [5, 6]
    assert row.routine == routine


@pytest.mark.parametrize("htmx", [True, False])
def test_a_sixth_reminder_is_refused_with_a_clear_message(user_client, user, htmx):
    for hour in range(5):
        services.reminder_add(user=user, local_time=dt.time(8 + hour, 0), weekdays=127)
    page = user_client.get(reverse("reminders:settings")).content.decode()
    assert "the most there can be" in page
    assert "Add this reminder" not in page
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = user_client.post(reverse("reminders:settings"), ADD, **headers)
    assert response.status_code == 400
    assert "You can have up to 5 reminders." in response.content.decode()
    assert ReminderSchedule.objects.filter(user=user).count() == 5


def test_the_add_reminder_service_refuses_a_sixth(user):
    for hour in range(5):
        services.add_reminder(user, local_time=dt.time(8 + hour, 0), weekdays=127)
    with pytest.raises(services.ReminderLimitReached):
        services.add_reminder(user, local_time=dt.time(20, 0), weekdays=127)
    assert ReminderSchedule.objects.filter(user=user).count() == 5


def test_the_add_reminder_service_plans_the_reminder_with_its_routine(user):
    routine = Routine.objects.published().get(slug="desk-break")
    with time_machine.travel(DUE - dt.timedelta(hours=2), tick=False):
        row = services.add_reminder(user, local_time=dt.time(9, 0), weekdays=31, routine=routine)
    assert (row.enabled, row.skip_if_done, row.routine) == (True, True, routine)
    assert row.next_reminder_at == dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_editing_a_reminder_moves_it(user_client, user):
    with time_machine.travel(DUE - dt.timedelta(hours=2), tick=False):
        row = services.reminder_add(user=user, local_time=dt.time(9, 0), weekdays=127)
        url = reverse("reminders:edit", args=[row.pk])
        page = user_client.get(url)
        assert page.status_code == 200
        assert 'value="09:00"' in page.content.decode()
        response = user_client.post(url, ADD | {"local_time": "18:15"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.local_time, row.label) == (dt.time(18, 15), "Desk break")
    assert row.next_reminder_at == dt.datetime(2026, 3, 2, 18, 15, tzinfo=UTC)


def test_editing_with_htmx_redirects_the_page_or_shows_errors_in_place(user_client, user):
    row = services.reminder_add(user=user, local_time=dt.time(9, 0), weekdays=127)
    url = reverse("reminders:edit", args=[row.pk])
    response = user_client.post(url, ADD, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("reminders:settings")
    bad = user_client.post(url, ADD | {"local_time": "nope"}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "<html" not in html and 'id="reminder-form"' in html
    assert "Please enter a time like 08:00." in html


def test_deleting_a_reminder_keeps_the_others(user_client, user):
    first = services.reminder_add(user=user, local_time=dt.time(9, 0), weekdays=127)
    second = services.reminder_add(user=user, local_time=dt.time(15, 0), weekdays=127)
    assert user_client.get(reverse("reminders:delete", args=[first.pk])).status_code == 405
    response = user_client.post(reverse("reminders:delete", args=[first.pk]))
    assert response.status_code == 302
    assert list(ReminderSchedule.objects.filter(user=user)) == [second]
    response = user_client.post(
        reverse("reminders:delete", args=[second.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "You have no reminders yet." in response.content.decode()
    assert not ReminderSchedule.objects.filter(user=user).exists()


def test_someone_elses_reminder_is_a_404_to_read_edit_or_delete(user_client):
    other = ReminderScheduleFactory()
    for method, name in (("get", "edit"), ("post", "edit"), ("post", "delete")):
        response = getattr(user_client, method)(reverse(f"reminders:{name}", args=[other.pk]), ADD)
        assert response.status_code == 404
    other.refresh_from_db()
    assert other.local_time == dt.time(8, 0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"enabled": "on", "local_time": "25:99", "weekdays": ["0"]}, "Please enter a time"),
        ({"enabled": "on", "local_time": "08:00"}, "Please choose at least one day"),
        ({"enabled": "on", "local_time": "08:00", "weekdays": ["9"]}, "Please choose days"),
        ({"enabled": "on", "weekdays": ["0"]}, "Please choose a time of day"),
        ({"local_time": "08:00", "weekdays": ["0"], "routine": "999999"}, "Please choose a rout"),
        ({"local_time": "08:00", "weekdays": ["0"], "label": "x" * 61}, "60 characters"),
    ],
)
@pytest.mark.parametrize("htmx", [True, False])
def test_bad_input_gets_a_clear_message_and_400(user_client, user, data, message, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = user_client.post(reverse("reminders:settings"), data, **headers)
    assert response.status_code == 400
    assert message in response.content.decode()
    # A refused form writes nothing.
    assert not ReminderSchedule.objects.filter(user=user).exists()


def test_sign_up_ends_with_the_offer_of_a_reminder_once_the_address_is_confirmed(client):
    # Offered only once the person is in: before, the link led to the login page.
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "Asia/Kolkata",
        },
        follow=True,
    )
    assert "Would a daily reminder help?" not in response.content.decode()
    path = re.search(r"/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    html = client.post(path, follow=True).content.decode()
    assert "Would a daily reminder help?" in html
    assert f'href="{reverse("reminders:settings")}"' in html
    assert not ReminderSchedule.objects.exists()


def test_send_test_reminder_sends_one_email_now(user):
    call_command("send_test_reminder", user.email.upper())
    [message] = mail.outbox
    assert message.to == [user.email]
    assert Reminder.objects.count() == 0


def test_send_test_reminder_says_when_nobody_has_that_email(db):
    with pytest.raises(CommandError, match="No account"):
        call_command("send_test_reminder", "nobody@example.com")


def test_each_email_of_a_batch_shows_its_own_persons_streak_pain_and_routine(dispatch):
    from progress.stats import pain_trend_words
    from tests.factories import UserFactory

    routines = list(Routine.objects.published()[:2])
    steady, newcomer = UserFactory(), UserFactory(preferred_routine=routines[1])
    for days_ago in (1, 2, 3):
        day = TODAY - dt.timedelta(days=days_ago)
        SessionFactory(user=steady, local_date=day, routine=routines[0])
    CheckInFactory(user=steady, local_date=TODAY - dt.timedelta(days=1), pain=6)
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        for person in (steady, newcomer):
            set_reminder(person, local_time=dt.time(8, 0))
    with time_machine.travel(DUE, tick=False):
        dispatch()
    emails = {m.to[0]: m.body for m in mail.outbox}
    assert "3 days in a row" in emails[steady.email]
    # The same words as the person's own progress page, not a neighbour's.
    trend = pain_trend_words(steady, today=TODAY)
    assert trend != pain_trend_words(newcomer, today=TODAY)
    assert trend in emails[steady.email]
    assert routines[0].title in emails[steady.email]
    assert "Every streak starts with one day" in emails[newcomer.email]
    assert "No pain ratings in the last 7 days yet." in emails[newcomer.email]
    assert f"Today's routine: {routines[1].title} (about {routines[1].total_minutes} minutes)" in (
        " ".join(emails[newcomer.email].split())
    )
