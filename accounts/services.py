"""Writes about accounts that span models."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.db import transaction

from .models import LoginSession, User
from .sessions import SessionStore


def email_claims_release(*, email: str, keep: User | None = None) -> bool:
    """Someone is taking this address (signing up with it, or verifying it): drop every
    unverified claim on it held by another account. A pending change of address is
    cancelled; an unclaimed sign-up (never verified, never logged in) is removed, since only
    one account may have the address. Verified addresses are never touched. Returns whether
    any claim was dropped."""
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
    return bool(accounts or pending)


def account_delete(*, user: User) -> None:
    """Delete the account and, through on_delete=CASCADE, every row of the person's data;
    every login of theirs ends, on every device."""
    keys = list(LoginSession.objects.filter(user=user).values_list("session_key", flat=True))

    def drop_cached_copies() -> None:
        for key in keys:
            SessionStore().delete(key)

    with transaction.atomic():
        user.delete()  # the LoginSession rows go with it
        # Then the cached copies (cached_db reads the cache first). After the commit, so a
        # request in between cannot copy a row that is about to go back into the cache.
        transaction.on_commit(drop_cached_copies)
