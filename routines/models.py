from django.db import models
from django.db.models import Case, ExpressionWrapper, F, Q, Sum, Value, When
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Exercise(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    summary = models.CharField(_("summary"), max_length=200)
    starting_position = models.TextField(_("starting position"))
    instructions = models.TextField(_("what to do"))
    breathing_cue = models.CharField(_("breathing"), max_length=200)
    caution = models.CharField(_("caution"), max_length=300)
    icon = models.CharField(
        _("icon"),
        max_length=60,
        help_text=_("File name (without .svg) under static/img/exercises/."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def icon_url(self) -> str:
        return static(f"img/exercises/{self.icon}.svg")

    def instruction_lines(self) -> list[str]:
        return [line.strip() for line in self.instructions.splitlines() if line.strip()]


class RoutineQuerySet(models.QuerySet):
    def published(self) -> "RoutineQuerySet":
        return self.filter(is_published=True)

    def with_total_seconds(self) -> "RoutineQuerySet":
        """Annotate `total_seconds` in the database, so the library can filter by
        length without loading every step."""
        return self.annotate(total_seconds=Sum(RoutineStep.duration_expression()))

    def filter_length(self, length: str) -> "RoutineQuerySet":
        bounds = Routine.LENGTH_BOUNDS.get(length)
        if bounds is None:
            return self
        low, high = bounds
        return self.filter(total_seconds__gte=low, total_seconds__lt=high)


class Routine(models.Model):
    class Difficulty(models.TextChoices):
        GENTLE = "gentle", _("Gentle")
        MODERATE = "moderate", _("Moderate")

    # Length filter buckets, in seconds: [low, high).
    LENGTH_BOUNDS = {
        "short": (0, 5 * 60),
        "medium": (5 * 60, 8 * 60),
        "long": (8 * 60, 60 * 60),
    }
    LENGTH_CHOICES = [
        ("short", _("Under 5 minutes")),
        ("medium", _("5 to 8 minutes")),
        ("long", _("8 minutes or more")),
    ]

    title = models.CharField(_("title"), max_length=80)
    slug = models.SlugField(unique=True)
    summary = models.CharField(_("summary"), max_length=240)
    when_to_use = models.CharField(_("when to use it"), max_length=120, blank=True)
    difficulty = models.CharField(
        _("difficulty"), max_length=12, choices=Difficulty.choices, default=Difficulty.GENTLE
    )
    is_published = models.BooleanField(_("published"), default=True)
    position = models.PositiveSmallIntegerField(_("order in the library"), default=0)

    objects = RoutineQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("routines:detail", args=[self.slug])

    @property
    def total_time(self) -> int:
        """Total seconds, from the annotation when present, else from the steps."""
        annotated = getattr(self, "total_seconds", None)
        if annotated is not None:
            return annotated
        return sum(step.total_seconds for step in self.steps.all())

    @property
    def total_minutes(self) -> int:
        return max(1, round(self.total_time / 60))


class RoutineStep(models.Model):
    class Mode(models.TextChoices):
        HOLD = "hold", _("Timed hold")
        REPS = "reps", _("Repetitions")
        CONTINUOUS = "continuous", _("Continuous")

    routine = models.ForeignKey(Routine, related_name="steps", on_delete=models.CASCADE)
    exercise = models.ForeignKey(Exercise, related_name="steps", on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("order"))
    mode = models.CharField(_("how it is done"), max_length=12, choices=Mode.choices)
    seconds = models.PositiveSmallIntegerField(
        _("seconds"),
        help_text=_("Hold or movement time per side; for repetitions, the time they usually take."),
    )
    repetitions = models.PositiveSmallIntegerField(_("repetitions"), null=True, blank=True)
    per_side = models.BooleanField(_("per side"), default=False)
    get_ready_seconds = models.PositiveSmallIntegerField(_("get ready (seconds)"), default=5)
    rest_seconds = models.PositiveSmallIntegerField(_("rest after (seconds)"), default=10)

    class Meta:
        ordering = ["routine", "order"]
        constraints = [
            models.UniqueConstraint(fields=["routine", "order"], name="unique_step_order"),
            models.CheckConstraint(
                condition=~Q(mode="reps") | Q(repetitions__gt=0),
                name="reps_step_has_repetitions",
            ),
            models.CheckConstraint(condition=Q(seconds__gt=0), name="step_has_seconds"),
        ]

    def __str__(self) -> str:
        return f"{self.routine}: {self.order}. {self.exercise}"

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1

    @property
    def total_seconds(self) -> int:
        # A per-side step gets a "switch sides" get-ready before the second side.
        return self.sides * (self.get_ready_seconds + self.seconds) + self.rest_seconds

    @staticmethod
    def duration_expression():
        """The database twin of `total_seconds`, used to annotate routines."""
        sides = Case(When(steps__per_side=True, then=Value(2)), default=Value(1))
        return ExpressionWrapper(
            sides * (F("steps__get_ready_seconds") + F("steps__seconds"))
            + F("steps__rest_seconds"),
            output_field=models.IntegerField(),
        )

    @property
    def dose(self) -> str:
        """Plain description of how much to do, e.g. "30 s each side"."""
        if self.mode == self.Mode.REPS:
            text = _("%(n)s times") % {"n": self.repetitions}
        else:
            text = _("%(n)s s") % {"n": self.seconds}
        if self.per_side:
            text = _("%(dose)s each side") % {"dose": text}
        return str(text)
