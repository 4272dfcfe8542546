from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .forms import LibraryFilterForm
from .models import Routine, RoutineStep


@login_not_required
@require_GET
def library(request: HttpRequest) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    routines = Routine.objects.published().with_total_seconds()
    if form.is_valid():
        if length := form.cleaned_data.get("length"):
            routines = routines.filter_length(length)
        if difficulty := form.cleaned_data.get("difficulty"):
            routines = routines.filter(difficulty=difficulty)
    context = {"form": form, "routines": routines}
    template = "routines/library.html#routine-list" if request.htmx else "routines/library.html"
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, template, context, status=status)


@login_not_required
@require_GET
def routine_detail(request: HttpRequest, slug: str) -> HttpResponse:
    steps = RoutineStep.objects.select_related("exercise").order_by("order")
    routine = get_object_or_404(
        Routine.objects.published().prefetch_related(Prefetch("steps", queryset=steps)),
        slug=slug,
    )
    return render(request, "routines/detail.html", {"routine": routine})
