from django.contrib import admin

from .models import Exercise, Routine, RoutineStep


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "icon"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}


class RoutineStepInline(admin.TabularInline):
    model = RoutineStep
    extra = 0
    autocomplete_fields = ["exercise"]
    ordering = ["order"]


@admin.register(Routine)
class RoutineAdmin(admin.ModelAdmin):
    list_display = ["title", "difficulty", "is_published", "position"]
    list_filter = ["difficulty", "is_published"]
    list_editable = ["is_published", "position"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [RoutineStepInline]
