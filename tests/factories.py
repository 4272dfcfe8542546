import datetime as dt

import factory

from accounts.countries import guess_country
from accounts.models import User
from progress.models import Pause, ProgressSettings
from routines.models import Routine
from tracking.models import CheckIn, Session, StepRecord


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    display_name = factory.Faker("first_name")
    time_zone = "Europe/London"
    country = factory.LazyAttribute(lambda o: guess_country(o.time_zone))
    password = factory.django.Password("a-strong-pass-phrase")


class SessionFactory(factory.django.DjangoModelFactory):
    """A finished session of a seeded routine on a given local day."""

    class Meta:
        model = Session

    user = factory.SubFactory(UserFactory)
    routine = factory.LazyFunction(lambda: Routine.objects.get(slug="morning-mobility"))
    status = Session.Status.COMPLETED
    local_date = factory.LazyFunction(dt.date.today)
    pain_before = 5
    pain_after = 3
    player_done = True


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    user = factory.SubFactory(UserFactory)
    local_date = factory.LazyFunction(dt.date.today)
    pain = 4


class StepRecordFactory(factory.django.DjangoModelFactory):
    """A done step of a session; pass `routine_step` (its exercise follows)."""

    class Meta:
        model = StepRecord

    session = factory.SubFactory(SessionFactory)
    routine_step = factory.LazyAttribute(lambda o: o.session.routine.steps.first())
    exercise = factory.LazyAttribute(lambda o: o.routine_step.exercise)
    order = factory.LazyAttribute(lambda o: o.routine_step.order)
    state = StepRecord.State.DONE
    seconds_spent = 30


class ProgressSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressSettings

    user = factory.SubFactory(UserFactory)
    rest_weekdays = factory.LazyFunction(list)


class PauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pause

    user = factory.SubFactory(UserFactory)
    start = factory.LazyFunction(dt.date.today)
    end = factory.LazyAttribute(lambda o: o.start)
    reason = Pause.Reason.HOLIDAY


class ReminderScheduleFactory(factory.django.DjangoModelFactory):
    """A reminder, on, every day at 08:00; next_reminder_at is left to the service."""

    class Meta:
        model = "reminders.ReminderSchedule"

    user = factory.SubFactory(UserFactory)
    enabled = True
    local_time = dt.time(8, 0)
    weekdays = 0b1111111
    skip_if_done = True
