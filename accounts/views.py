from allauth.decorators import rate_limit
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import DeleteAccountForm, ProfileForm
from .services import account_delete
from .signals import profile_changed


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            # Reminders follow a new time zone; safety re-evaluates with the new "today".
            if form.changed_data:
                profile_changed.send(sender=None, user=request.user, changed=set(form.changed_data))
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:profile")
        return render(request, "accounts/profile.html", {"form": form}, status=400)
    return render(request, "accounts/profile.html", {"form": form})


@require_http_methods(["GET", "POST"])
@rate_limit(action="delete_account")  # password guesses: 429 like allauth's password change
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            user = request.user
            logout(request)
            account_delete(user=user)
            messages.success(request, _("Your account and all your data have been deleted."))
            return redirect("home")
        return render(request, "accounts/delete.html", {"form": form}, status=400)
    return render(request, "accounts/delete.html", {"form": form})
