from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import services
from .forms import AddStepForm, LibraryFilterForm, NewRoutineForm, RoutineTitleForm, StepForm
from .models import MAX_STEPS, MAX_TOTAL_SECONDS, Exercise, Routine, RoutineStep


@login_not_required
@require_GET
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    steps = RoutineStep.objects.select_related("exercise").only(
        "routine_id", "exercise__equipment", "exercise__position"
    )
    routines = (
        Routine.objects.published()
        .with_total_seconds()
        .prefetch_related(Prefetch("steps", queryset=steps))
    )
    if form.is_valid():
        if length := form.cleaned_data.get("length"):
            routines = routines.filter_length(length)
        if equipment := form.cleaned_data.get("equipment"):
            routines = routines.filter_equipment(equipment)
        if position := form.cleaned_data.get("position"):
            routines = routines.filter_position(position)
        if difficulty := form.cleaned_data.get("difficulty"):
            routines = routines.filter(difficulty=difficulty)
    own = (
        Routine.objects.owned_by(request.user)
        .with_total_seconds()
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("-created_at")
    )
    context = {"form": form, "routines": routines, "own_routines": own}
    template = "routines/library.html#routine-list" if request.htmx else "routines/library.html"
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, template, context, status=status)


@login_not_required
@require_GET
def routine_detail(request: HttpRequest, slug: str) -> HttpResponse:
    steps = RoutineStep.objects.select_related(
        "exercise", "exercise__gentler", "exercise__harder"
    ).order_by("order")
    routine = get_object_or_404(
        Routine.objects.visible_to(request.user).prefetch_related(
            Prefetch("steps", queryset=steps)
        ),
        slug=slug,
    )
    return render(request, "routines/detail.html", {"routine": routine})


@login_not_required
@require_GET
def exercise_list(request: HttpRequest) -> HttpResponse:
    exercises = Exercise.objects.published()
    groups = [
        (label, [exercise for exercise in exercises if exercise.position == value])
        for value, label in Exercise.Position.choices
    ]
    return render(request, "routines/exercises.html", {"groups": groups})


@login_not_required
@require_GET
def exercise_detail(request: HttpRequest, slug: str) -> HttpResponse:
    exercise = get_object_or_404(
        Exercise.objects.published().select_related("gentler", "harder"), slug=slug
    )
    routines = Routine.objects.published().filter(steps__exercise=exercise).distinct()
    return render(request, "routines/exercise.html", {"exercise": exercise, "routines": routines})


# --- The routine builder: a person's own routines ------------------------------------------


def _own_routine(request: HttpRequest, routine_id: int) -> Routine:
    """The requester's own routine; 404 for anyone else's and for a deleted one."""
    return get_object_or_404(Routine.objects.owned_by(request.user), pk=routine_id)


def _builder_context(routine: Routine, forms_by_step: dict | None = None, **extra) -> dict:
    steps = list(routine.steps.select_related("exercise").order_by("order"))
    forms_by_step = forms_by_step or {}
    rows = [(step, forms_by_step.get(step.pk) or StepForm.for_step(step)) for step in steps]
    total = sum(step.total_seconds for step in steps)
    return {
        "routine": routine,
        "rows": rows,
        "total_seconds": total,
        "total_minutes": total // 60,
        "total_rest_seconds": total % 60,
        "max_steps": MAX_STEPS,
        "max_minutes": MAX_TOTAL_SECONDS // 60,
        "add_form": AddStepForm(),
        "title_form": RoutineTitleForm(initial={"title": routine.title}),
        **extra,
    }


def _render_builder(request: HttpRequest, routine: Routine, status: int = 200, **extra):
    template = "routines/builder.html#steps" if request.htmx else "routines/builder.html"
    response = render(request, template, _builder_context(routine, **extra), status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _after_change(request: HttpRequest, routine: Routine, anchor: str = "", **extra):
    """htmx gets the steps again; a plain form post goes back to the builder."""
    if request.htmx:
        return _render_builder(request, routine, **extra)
    url = reverse("routines:builder", args=[routine.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


@require_http_methods(["GET", "POST"])
def routine_new(request: HttpRequest) -> HttpResponse:
    initial = {}
    if source := request.GET.get("from"):
        initial["source"] = Routine.objects.visible_to(request.user).filter(slug=source).first()
    form = NewRoutineForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                routine = services.routine_create(
                    owner=request.user,
                    title=form.cleaned_data["title"],
                    source=form.cleaned_data["source"],
                )
            except services.BuilderError as exc:
                form.add_error(None, exc.message)
            else:
                return redirect("routines:builder", routine_id=routine.pk)
        return render(request, "routines/new.html", {"form": form}, status=400)
    return render(request, "routines/new.html", {"form": form})


@require_http_methods(["GET", "POST"])
def routine_builder(request: HttpRequest, routine_id: int) -> HttpResponse:
    """The builder; its POST renames the routine."""
    routine = _own_routine(request, routine_id)
    if request.method == "GET":
        return _render_builder(request, routine)
    form = RoutineTitleForm(request.POST)
    if not form.is_valid():
        context = _builder_context(routine, title_errors=form.errors["title"])
        context["title_form"] = form
        return render(request, "routines/builder.html", context, status=400)
    services.routine_rename(routine=routine, title=form.cleaned_data["title"])
    messages.success(request, _("Renamed to “%(title)s”.") % {"title": routine.title})
    return redirect("routines:builder", routine_id=routine.pk)


@require_POST
def step_add(request: HttpRequest, routine_id: int) -> HttpResponse:
    routine = _own_routine(request, routine_id)
    form = AddStepForm(request.POST)
    if not form.is_valid():
        return _render_builder(request, routine, status=400, error=form.errors["exercise"][0])
    try:
        step = services.step_add(routine=routine, exercise=form.cleaned_data["exercise"])
    except services.BuilderError as exc:
        return _render_builder(request, routine, status=400, error=exc.message)
    return _after_change(request, routine, anchor=f"step-{step.pk}", focus=step.pk)


@require_POST
def step_change(request: HttpRequest, routine_id: int, step_id: int) -> HttpResponse:
    """One step's form: save its dose, move it up or down, or remove it."""
    routine = _own_routine(request, routine_id)
    step = get_object_or_404(RoutineStep, pk=step_id, routine=routine)
    action = request.POST.get("action", "save")
    try:
        if action in ("up", "down"):
            services.step_move(step=step, direction=action)
            return _after_change(
                request, routine, anchor=f"step-{step.pk}", focus=step.pk, focus_action=action
            )
        if action == "remove":
            services.step_remove(step=step)
            return _after_change(request, routine)
        if action != "save":
            raise services.BuilderError(_("That is not something a step can do."))
        form = StepForm.for_step(step, request.POST)
        if not form.is_valid():
            return _render_builder(
                request,
                routine,
                status=400,
                forms_by_step={step.pk: form},
                error=_("Check the highlighted step."),
            )
        services.step_update(step=step, values=form.cleaned_data)
    except services.BuilderError as exc:
        return _render_builder(request, routine, status=400, error=exc.message)
    return _after_change(request, routine, anchor=f"step-{step.pk}")


@require_POST
def steps_order(request: HttpRequest, routine_id: int) -> HttpResponse:
    """The order after a drag and drop: every step id, first to last."""
    routine = _own_routine(request, routine_id)
    try:
        step_ids = [int(value) for value in request.POST.getlist("step")]
        services.steps_reorder(routine=routine, step_ids=step_ids)
    except ValueError:
        return _render_builder(
            request, routine, status=400, error=_("That order does not match this routine.")
        )
    except services.BuilderError as exc:
        return _render_builder(request, routine, status=400, error=exc.message)
    return _after_change(request, routine)


@require_http_methods(["GET", "POST"])
def routine_delete(request: HttpRequest, routine_id: int) -> HttpResponse:
    routine = _own_routine(request, routine_id)
    if request.method == "POST":
        title = routine.title
        services.routine_delete(routine=routine)
        messages.success(request, _("“%(title)s” is deleted.") % {"title": title})
        return redirect("routines:library")
    return render(request, "routines/delete.html", {"routine": routine})
