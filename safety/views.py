from __future__ import annotations

from allauth.core.internal import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tracking.models import Session

from . import rules, services
from .forms import ScreeningForm, ShareLinkForm
from .models import Flag, ScreeningResponse, ShareLink, hash_token, routines_paused
from .numbers import contact_for
from .pdf import summary_pdf as render_pdf
from .questions import QUESTIONS
from .rules import Thresholds
from .summary import DEFAULT_WEEKS, MAX_WEEKS, MIN_WEEKS, build_summary
from .wording import DISCLAIMER


def _error(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return render(request, "safety/error.html", {"message": message}, status=status)


def _context(request: HttpRequest, **extra) -> dict:
    """The person's own emergency numbers (the fallback for visitors), the disclaimer."""
    return {"contact": contact_for(request.user), "disclaimer": DISCLAIMER, **extra}


# --- Public pages ------------------------------------------------------------------------


@login_not_required
@require_GET
def help_page(request: HttpRequest) -> HttpResponse:
    """The permanent "When to get help" page."""
    emergency = [q for q in QUESTIONS if q.level == rules.EMERGENCY]
    urgent = [q for q in QUESTIONS if q.level == rules.URGENT]
    return render(
        request, "safety/help.html", _context(request, emergency=emergency, urgent=urgent)
    )


@login_not_required
@require_GET
def how_we_decide(request: HttpRequest) -> HttpResponse:
    """Every rule, its threshold and its source."""
    return render(
        request, "safety/how_we_decide.html", _context(request, t=Thresholds.from_settings())
    )


# --- Red-flag screening ------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def screening(request: HttpRequest) -> HttpResponse:
    reason = request.GET.get("reason", "")
    if request.method == "POST":
        form = ScreeningForm(request.POST)
        if not form.is_valid():
            return render(
                request, "safety/screening.html", _context(request, form=form), status=400
            )
        response = services.screening_record(
            user=request.user, answers=form.answers(), reason=form.cleaned_data["reason"]
        )
        if response.level == ScreeningResponse.Level.EMERGENCY:
            return redirect("safety:emergency")
        return redirect("safety:screening_result", response_id=response.pk)
    if reason not in ScreeningResponse.Reason.values:
        reason = ScreeningResponse.Reason.HELP
    form = ScreeningForm(initial={"reason": reason})
    return render(request, "safety/screening.html", _context(request, form=form, reason=reason))


@require_POST
def screening_skip(request: HttpRequest) -> HttpResponse:
    services.screening_skip(user=request.user)
    return redirect("home")


@require_GET
def screening_result(request: HttpRequest, response_id: int) -> HttpResponse:
    response = get_object_or_404(ScreeningResponse, pk=response_id, user=request.user)
    if response.level == ScreeningResponse.Level.EMERGENCY and response.acknowledged_at is None:
        return redirect("safety:emergency")
    active = Session.objects.for_user(request.user).active().first()
    return render(
        request,
        "safety/screening_result.html",
        _context(request, response=response, active_session=active),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def emergency(request: HttpRequest) -> HttpResponse:
    """Full screen: stop, call the emergency number. Routines stay paused until the user
    acknowledges."""
    if request.method == "POST":
        services.emergency_acknowledge(user=request.user)
        messages.info(request, _("Thank you. Please do get help now if you have not already."))
        return redirect("home")
    latest = (
        ScreeningResponse.objects.for_user(request.user)
        .filter(level=ScreeningResponse.Level.EMERGENCY)
        .first()
    )
    return render(
        request,
        "safety/emergency.html",
        _context(
            request,
            response=latest,
            paused=routines_paused(request.user),
            emergency_page=True,  # base.html's alert would repeat this page
        ),
    )


# --- Flags ---------------------------------------------------------------------------------


@require_POST
def flag_acknowledge(request: HttpRequest, flag_id: int) -> HttpResponse:
    flag = get_object_or_404(Flag, pk=flag_id, user=request.user)
    services.flag_acknowledge(flag=flag)
    if request.htmx:
        return HttpResponse("")
    messages.info(request, _("Noted. We will let you know if anything changes."))
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(next_url)
    return redirect("home")


# --- Clinician summary --------------------------------------------------------------------


def _weeks(request: HttpRequest) -> int | None:
    raw = request.GET.get("weeks", "")
    if not raw:
        return DEFAULT_WEEKS
    try:
        weeks = int(raw)
    except ValueError:
        return None
    return weeks if MIN_WEEKS <= weeks <= MAX_WEEKS else None


def _bad_weeks(request: HttpRequest) -> HttpResponse:
    return _error(
        request,
        _("Choose between %(min)s and %(max)s weeks.") % {"min": MIN_WEEKS, "max": MAX_WEEKS},
    )


@never_cache
@require_GET
def summary(request: HttpRequest) -> HttpResponse:
    weeks = _weeks(request)
    if weeks is None:
        return _bad_weeks(request)
    links = ShareLink.objects.filter(user=request.user).live()
    context = _context(
        request,
        summary=build_summary(request.user, weeks=weeks),
        share_links=links,
        share_form=ShareLinkForm(initial={"weeks": weeks}),
        new_link=request.session.pop("safety_new_share_link", None),
        week_choices=range(MIN_WEEKS, MAX_WEEKS + 1),
        pdf_url=f"{reverse('safety:summary_pdf')}?weeks={weeks}",
    )
    return render(request, "safety/summary.html", context)


def _pdf_response(summary: dict) -> HttpResponse:
    response = HttpResponse(render_pdf(summary), content_type="application/pdf")
    filename = f"backease-summary-{summary['end']:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_GET
def summary_pdf(request: HttpRequest) -> HttpResponse:
    weeks = _weeks(request)
    if weeks is None:
        return _bad_weeks(request)
    return _pdf_response(build_summary(request.user, weeks=weeks))


@require_POST
def share_create(request: HttpRequest) -> HttpResponse:
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        if "label" in form.errors:
            return _error(request, _("Keep “Who is it for?” to 80 characters or fewer."))
        return _bad_weeks(request)
    _link, token = services.share_link_create(
        user=request.user, weeks=form.cleaned_data["weeks"], label=form.cleaned_data["label"]
    )
    # Shown once, on the next page: only the token's hash is stored.
    request.session["safety_new_share_link"] = request.build_absolute_uri(
        reverse("safety:shared_summary", args=[token])
    )
    return redirect(f"{reverse('safety:summary')}?weeks={form.cleaned_data['weeks']}")


@require_POST
def share_revoke(request: HttpRequest, link_id: int) -> HttpResponse:
    link = get_object_or_404(ShareLink, pk=link_id, user=request.user)
    services.share_link_revoke(link=link)
    messages.info(request, _("The link no longer works."))
    return redirect("safety:summary")


def _count_wrong_token(request: HttpRequest, *, dry_run: bool = False) -> bool:
    """allauth's rate limits (ACCOUNT_RATE_LIMITS["share_link_guess"]); its public consume()
    leaves GET requests out, so this calls the function underneath."""
    usage = ratelimit.consume(
        request, app="allauth.account", action="share_link_guess", limit_get=True, dry_run=dry_run
    )
    return bool(usage)


def _shared_link(request: HttpRequest, token: str) -> ShareLink | HttpResponse:
    """The live link with this token, or the answer to give instead: 404 for a wrong token,
    429 once this client (by address; see TRUSTED_PROXY_COUNT) has tried too many wrong
    ones. Only wrong tokens count, so a clinician may open a real link any number of
    times; once over the limit, even a real token waits, or guessing would go on."""
    if not _count_wrong_token(request, dry_run=True):
        return _private(ratelimit.respond_429(request))
    links = ShareLink.objects.live().select_related("user")
    link = links.filter(token_hash=hash_token(token)).first()
    if link is None:
        _count_wrong_token(request)
        return _private(_error(request, _("This link has expired or was withdrawn."), status=404))
    return link


def _private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_not_required
@never_cache
@require_GET
def shared_summary(request: HttpRequest, token: str) -> HttpResponse:
    """Read-only: the summary of the link's owner and nothing else of them."""
    link = _shared_link(request, token)
    if isinstance(link, HttpResponse):
        return link
    with timezone.override(link.user.zone):
        summary_data = build_summary(link.user, weeks=link.weeks)
        context = _context(
            request,
            summary=summary_data,
            contact=summary_data["contact"],
            shared=True,
            expires_at=link.expires_at,
            pdf_url=reverse("safety:shared_summary_pdf", args=[token]),
        )
        return _private(render(request, "safety/summary.html", context))


@login_not_required
@never_cache
@require_GET
def shared_summary_pdf(request: HttpRequest, token: str) -> HttpResponse:
    link = _shared_link(request, token)
    if isinstance(link, HttpResponse):
        return link
    # In the language its owner chose (their notes are in it too), else the reader's.
    language = link.user.language or translation.get_language()
    with timezone.override(link.user.zone), translation.override(language):
        return _private(_pdf_response(build_summary(link.user, weeks=link.weeks)))
