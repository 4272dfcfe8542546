from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import Exercise, Routine, RoutineStep


@admin.register(Exercise)
class ExerciseAdmin(TranslationAdmin):
    """Each text field shows once per language (routines/translation.py)."""

    list_display = ["name", "position", "equipment", "focus", "gentler", "harder", "is_published"]
    list_filter = ["position", "equipment", "focus", "is_published"]
    list_select_related = ["gentler", "harder"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["gentler", "harder"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "summary", "is_published"]}),
        (
            _("How it is done"),
            {
                "fields": [
                    "starting_position",
                    "instructions",
                    "breathing_cue",
                    "feel",
                    "caution",
                    "stop_if",
                ]
            },
        ),
        (_("Where and what for"), {"fields": ["equipment", "position", "focus"]}),
        (_("Variants"), {"fields": ["gentler", "harder"]}),
        (_("Illustration"), {"fields": ["icon", "illustration_text"]}),
    ]


class RoutineStepInline(admin.TabularInline):
    model = RoutineStep
    extra = 0
    autocomplete_fields = ["exercise"]
    ordering = ["order"]


@admin.register(Routine)
class RoutineAdmin(TranslationAdmin):
    list_display = ["title", "difficulty", "is_published", "position"]
    list_filter = ["difficulty", "is_published"]
    list_editable = ["is_published", "position"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RoutineStepInline]

    # The admin edits the shared library. People's own routines are their private data.
    exclude = ["owner", "based_on", "deleted_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(owner__isnull=True)
