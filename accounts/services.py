"""Writes about accounts that span models."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db import transaction

from .models import User


def email_claims_release(*, email: str, keep: User | None = None) -> int:
    """Someone is taking this address (signing up with it, or verifying it): drop every
    unverified claim on it held by another account. A pending change of address is
    cancelled; an unclaimed sign-up (never verified, never logged in) is removed, since only
    one account may have the address. Verified addresses are never touched. Returns how many
    claims were dropped."""
    keep_pk = keep.pk if keep is not None else None
    with transaction.atomic():
        unclaimed = User.objects.unclaimed_sign_ups(email).exclude(pk=keep_pk)
        accounts, _ = User.objects.filter(
            pk__in=list(unclaimed.values_list("pk", flat=True))
        ).delete()
        pending, _ = (
            EmailAddress.objects.filter(email__iexact=email, verified=False)
            .exclude(user_id=keep_pk)
            .delete()
        )
    return accounts + pending
