from django.contrib import admin

from .models import Flag, ScreeningResponse, ShareLink


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["user", "rule", "exercise", "severity", "opened_at", "closed_at", "emailed_at"]
    list_filter = ["rule", "severity"]
    raw_id_fields = ["user"]
    search_fields = ["user__email"]


@admin.register(ScreeningResponse)
class ScreeningResponseAdmin(admin.ModelAdmin):
    list_display = ["user", "local_date", "reason", "level", "skipped", "acknowledged_at"]
    list_filter = ["level", "reason"]
    raw_id_fields = ["user"]
    search_fields = ["user__email"]


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["user", "weeks", "created_at", "expires_at", "revoked_at"]
    raw_id_fields = ["user"]
    exclude = ["token_hash"]
