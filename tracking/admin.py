from django.contrib import admin

from .models import CheckIn, Session, StepRecord


class StepRecordInline(admin.TabularInline):
    model = StepRecord
    extra = 0
    readonly_fields = ["routine_step", "exercise", "order", "recorded_at"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["user", "routine", "local_date", "status", "pain_before", "pain_after"]
    list_filter = ["status", "routine"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    date_hierarchy = "started_at"
    inlines = [StepRecordInline]


@admin.register(CheckIn)
class CheckInAdmin(admin.ModelAdmin):
    list_display = ["user", "local_date", "pain"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
