from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .forms import LibraryFilterForm
from .models import Exercise, Routine, RoutineStep


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
    context = {"form": form, "routines": routines}
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
        Routine.objects.published().prefetch_related(Prefetch("steps", queryset=steps)),
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
