"""A person's plan: the routine they follow now, and the changes the app proposed, with
what the person decided. Each accepted change made a new version of their routine."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class PlanSettings(models.Model):
    """What the person told the app at set-up."""

    class Concern(models.TextChoices):
        MORNINGS = "mornings", _("Stiff mornings")
        SITTING = "sitting", _("Long sitting")
        EVENINGS = "evenings", _("Evenings")

    class Onboarding(models.TextChoices):
        PENDING = "pending", _("Not yet")
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Skipped")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, related_name="plan_settings", on_delete=models.CASCADE
    )
    concern = models.CharField(_("what bothers you"), max_length=10, choices=Concern, blank=True)
    onboarding = models.CharField(max_length=8, choices=Onboarding.choices, default=Onboarding.DONE)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.user}: {self.get_onboarding_display()}"


class PlanChangeQuerySet(models.QuerySet):
    def for_user(self, user) -> PlanChangeQuerySet:
        return self.filter(user=user)

    def proposed(self) -> PlanChangeQuerySet:
        return self.filter(status=PlanChange.Status.PROPOSED)

    def decided(self) -> PlanChangeQuerySet:
        return self.filter(status__in=[PlanChange.Status.ACCEPTED, PlanChange.Status.DECLINED])


class PlanChange(models.Model):
    class Kind(models.TextChoices):
        STEP_UP = "step_up", _("Step up")
        EASE_OFF = "ease_off", _("Ease off")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Suggested")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Reason(models.TextChoices):
        GOAL_MET = "goal_met", _("Goal met two weeks running")
        HURT = "hurt", _("An exercise was marked as hurting")
        PAIN_ROSE = "pain_rose", _("Pain rose after a routine")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="plan_changes", on_delete=models.CASCADE
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=9, choices=Status.choices, default=Status.PROPOSED)
    reason = models.CharField(max_length=10, choices=Reason.choices)
    # The figures behind the reason (goal, weeks, pain from/to, exercise, day), so the
    # explanation is written in the person's language whenever it is shown.
    numbers = models.JSONField(default=dict)
    # What changes: [{"exercise": name, "what": "seconds"|"repetitions"|"exercise"|
    # "routine", "before": ..., "after": ...}], and per step id the new values.
    changes = models.JSONField(default=list)
    step_values = models.JSONField(default=dict)
    next_routine = models.ForeignKey(
        "routines.Routine", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_routine = models.ForeignKey(
        "routines.Routine", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_routine = models.ForeignKey(
        "routines.Routine", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    local_date = models.DateField(_("day"))
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = PlanChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(status="proposed"), name="one_proposal_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.status} {self.local_date}"

    def explanation(self) -> str:
        """Why, in plain words, from the stored figures."""
        n = self.numbers
        if self.reason == self.Reason.GOAL_MET:
            goal = ngettext(
                "You met your goal of %(goal)d day a week two weeks running",
                "You met your goal of %(goal)d days a week two weeks running",
                n["goal"],
            ) % {"goal": n["goal"]}
            if n["pain_to"] < n["pain_from"]:
                pain = _("your pain has eased from %(a)s to %(b)s") % {
                    "a": n["pain_from"],
                    "b": n["pain_to"],
                }
            else:
                pain = _("your pain has stayed steady (%(a)s, then %(b)s)") % {
                    "a": n["pain_from"],
                    "b": n["pain_to"],
                }
            return _("%(goal)s and %(pain)s, with no exercise marked as hurting.") % {
                "goal": goal,
                "pain": pain,
            }
        if self.reason == self.Reason.HURT:
            return _("You marked %(exercise)s as hurting on %(day)s.") % {
                "exercise": n["exercise"],
                "day": n["day"],
            }
        return _("Your pain rose from %(before)d to %(after)d after %(routine)s on %(day)s.") % {
            "before": n["before"],
            "after": n["after"],
            "routine": n["routine"],
            "day": n["day"],
        }

    def change_lines(self) -> list[str]:
        """What changes, one plain line each."""
        lines = []
        for change in self.changes:
            what = change["what"]
            if what == "seconds":
                text = _("%(exercise)s: %(before)d s → %(after)d s")
            elif what == "repetitions":
                text = _("%(exercise)s: %(before)d → %(after)d repetitions")
            elif what == "exercise":
                text = _("%(exercise)s: do %(after)s instead")
            else:
                text = _("Move on to the routine “%(after)s”")
            lines.append(str(text) % change)
        return lines
