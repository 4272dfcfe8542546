from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, ExpressionWrapper, F, OuterRef, Q, Sum, Value, When
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExerciseQuerySet(models.QuerySet):
    def published(self) -> "ExerciseQuerySet":
        return self.filter(is_published=True)


class Exercise(models.Model):
    class Equipment(models.TextChoices):
        NONE = "none", _("No equipment")
        MAT = "mat", _("Mat")
        CHAIR = "chair", _("Chair")
        FOAM_ROLLER = "foam_roller", _("Foam roller")

    class Position(models.TextChoices):
        LYING = "lying", _("Lying down")
        HANDS_KNEES = "hands_knees", _("On hands and knees")
        SITTING = "sitting", _("Sitting")
        STANDING = "standing", _("Standing")

    class Focus(models.TextChoices):
        MOBILITY = "mobility", _("Mobility")
        STRETCH = "stretch", _("Stretch")
        STRENGTH = "strength", _("Strength")
        RELEASE = "release", _("Release")

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    summary = models.CharField(_("summary"), max_length=200)
    starting_position = models.TextField(_("starting position"))
    instructions = models.TextField(_("what to do"))
    breathing_cue = models.CharField(_("breathing"), max_length=200)
    feel = models.CharField(_("what you should feel"), max_length=200)
    caution = models.CharField(_("caution"), max_length=300)
    stop_if = models.CharField(
        _("stop if"),
        max_length=300,
        help_text=_("What should make the person stop, as a whole sentence."),
    )
    equipment = models.CharField(_("equipment"), max_length=12, choices=Equipment.choices)
    position = models.CharField(_("position"), max_length=12, choices=Position.choices)
    focus = models.CharField(_("focus"), max_length=12, choices=Focus.choices)
    gentler = models.ForeignKey(
        "self",
        verbose_name=_("gentler variant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gentler_variant_of",
    )
    harder = models.ForeignKey(
        "self",
        verbose_name=_("harder variant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="harder_variant_of",
    )
    icon = models.CharField(
        _("illustration"),
        max_length=60,
        help_text=_("File name (without .svg) under static/img/exercises/."),
    )
    illustration_text = models.CharField(
        _("picture description"),
        max_length=300,
        help_text=_("Describes the movement in the picture, for people who cannot see it."),
    )
    is_published = models.BooleanField(_("published"), default=True)

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # Gentler and harder variants must order the exercises: no exercise may end up
        # gentler (or harder) than itself, however long the chain.
        errors = {}
        for field in ("gentler", "harder"):
            if getattr(self, f"{field}_id") and getattr(self, f"{field}_id") == self.pk:
                errors[field] = _("An exercise cannot be its own variant.")
        if self.gentler_id and self.gentler_id == self.harder_id:
            errors["harder"] = _("The gentler and the harder variant must differ.")
        if not errors and self.pk and self._variants_form_a_cycle():
            errors["gentler"] = _(
                "These variants would make an exercise gentler than itself. "
                "Check the gentler and harder variants of the exercises involved."
            )
        if errors:
            raise ValidationError(errors)

    def _variants_form_a_cycle(self) -> bool:
        edges = easier_than_edges(
            Exercise.objects.exclude(pk=self.pk).values_list("pk", "gentler_id", "harder_id")
        )
        edges |= easier_than_edges([(self.pk, self.gentler_id, self.harder_id)])
        return has_cycle(edges)

    @property
    def icon_url(self) -> str:
        return static(f"img/exercises/{self.icon}.svg")

    def caution_with_stop(self) -> str:
        """The caution and the stop line together, for places that show one caution."""
        return " ".join(text for text in (self.caution, self.stop_if) if text)

    def instruction_lines(self) -> list[str]:
        return [line.strip() for line in self.instructions.splitlines() if line.strip()]


def easier_than_edges(rows) -> set[tuple[int, int]]:
    """(easier, harder) pairs from (id, gentler_id, harder_id) rows."""
    edges = set()
    for pk, gentler_id, harder_id in rows:
        if gentler_id:
            edges.add((gentler_id, pk))
        if harder_id:
            edges.add((pk, harder_id))
    return edges


def has_cycle(edges: set[tuple[int, int]]) -> bool:
    following: dict[int, set[int]] = {}
    for easier, harder in edges:
        following.setdefault(easier, set()).add(harder)
    done: set[int] = set()

    def visit(node: int, path: set[int]) -> bool:
        if node in path:
            return True
        if node in done:
            return False
        path.add(node)
        if any(visit(nxt, path) for nxt in following.get(node, ())):
            return True
        path.discard(node)
        done.add(node)
        return False

    return any(visit(node, set()) for node in list(following))


# A step whose exercise is done on the floor: lying, kneeling, or on a mat or roller.
ON_THE_FLOOR = Q(
    exercise__position__in=[Exercise.Position.LYING, Exercise.Position.HANDS_KNEES]
) | Q(exercise__equipment__in=[Exercise.Equipment.MAT, Exercise.Equipment.FOAM_ROLLER])


class RoutineQuerySet(models.QuerySet):
    def published(self) -> "RoutineQuerySet":
        """The shared library: published routines that belong to nobody. Every place that
        lists the library goes through here, so a person's own routines never show up in
        anyone else's pages."""
        return self.filter(is_published=True, owner__isnull=True)

    def owned_by(self, user) -> "RoutineQuerySet":
        """A person's own routines that they have not deleted."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user, deleted_at__isnull=True)

    def visible_to(self, user) -> "RoutineQuerySet":
        """What this person may open and play: the library and their own routines."""
        own = Q(owner=user, deleted_at__isnull=True) if user.is_authenticated else Q(pk=None)
        return self.filter(Q(is_published=True, owner__isnull=True) | own)

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

    def filter_equipment(self, choice: str) -> "RoutineQuerySet":
        return self._filter_steps(Routine.EQUIPMENT_FILTERS.get(choice))

    def filter_position(self, choice: str) -> "RoutineQuerySet":
        return self._filter_steps(Routine.POSITION_FILTERS.get(choice))

    def _filter_steps(self, rule: tuple[str, Q] | None) -> "RoutineQuerySet":
        # Subqueries rather than joins, so the steps' duration sum stays correct.
        if rule is None:
            return self
        quantifier, condition = rule
        steps = RoutineStep.objects.filter(routine=OuterRef("pk"))
        if quantifier == "some":
            return self.filter(Exists(steps.filter(condition)))
        return self.filter(~Exists(steps.exclude(condition)))


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

    # Equipment and position filters: ("every" | "some" step, condition on the step).
    EQUIPMENT_FILTERS = {
        "none": ("every", Q(exercise__equipment=Exercise.Equipment.NONE)),
        "chair": (
            "every",
            Q(exercise__equipment__in=[Exercise.Equipment.NONE, Exercise.Equipment.CHAIR]),
        ),
        "mat": (
            "every",
            Q(exercise__equipment__in=[Exercise.Equipment.NONE, Exercise.Equipment.MAT]),
        ),
        "foam_roller": ("some", Q(exercise__equipment=Exercise.Equipment.FOAM_ROLLER)),
    }
    EQUIPMENT_CHOICES = [
        ("none", _("No equipment")),
        ("chair", _("Just a chair")),
        ("mat", _("Just a mat")),
        ("foam_roller", _("With a foam roller")),
    ]
    POSITION_FILTERS = {
        "no_floor": ("every", ~ON_THE_FLOOR),
        "standing": ("every", Q(exercise__position=Exercise.Position.STANDING)),
        "sitting": ("every", Q(exercise__position=Exercise.Position.SITTING) & ~ON_THE_FLOOR),
        "lying": ("every", Q(exercise__position=Exercise.Position.LYING)),
    }
    POSITION_CHOICES = [
        ("no_floor", _("No getting down to the floor")),
        ("standing", _("Standing only")),
        ("sitting", _("On a chair only")),
        ("lying", _("Lying down only")),
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
    # A person's own routine (the builder, or a version made by their plan); None for the
    # shared library.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_routines",
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Deleting an own routine that has been played only hides it: its sessions still
    # point at it (and keep their own copy of the steps as played, Session.plan/content).
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = RoutineQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("routines:detail", args=[self.slug])

    @property
    def is_own(self) -> bool:
        return self.owner_id is not None

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

    def needs(self) -> list[str]:
        """What the routine needs, e.g. ["Mat", "Foam roller"], from its (prefetched) steps."""
        found = {step.exercise.equipment for step in self.steps.all()}
        return [
            label
            for value, label in Exercise.Equipment.choices
            if value in found and value != Exercise.Equipment.NONE
        ]

    def positions(self) -> list[str]:
        """How the routine is done, e.g. ["Lying down", "On hands and knees"]."""
        found = {step.exercise.position for step in self.steps.all()}
        return [label for value, label in Exercise.Position.choices if value in found]


# What a person may set in the routine builder (library content is written by us and
# checked by its own tests). The error messages quote these numbers.
HOLD_SECONDS = (5, 120)
REPETITIONS = (1, 30)
GET_READY_SECONDS = (0, 30)
REST_SECONDS = (0, 120)
MAX_STEPS = 20
MAX_TOTAL_SECONDS = 45 * 60


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
