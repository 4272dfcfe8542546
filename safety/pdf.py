"""The clinician summary as a PDF, drawn with fpdf2 (pure Python wheels from PyPI)."""

from __future__ import annotations

from django.utils import translation
from django.utils.formats import date_format, get_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF

from .wording import DISCLAIMER, number

# fpdf2's built-in Helvetica covers Latin-1 only (which holds every letter of English, Spanish
# and German: ñ, ¿, ü, ß...): map common typography and replace the rest.
_TYPOGRAPHY = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "°": "°"}
)


def _text(value) -> str:
    return str(value).translate(_TYPOGRAPHY).encode("latin-1", "replace").decode("latin-1")


class _Doc(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=7)
        self.set_text_color(90)
        self.multi_cell(0, 3.5, _text(DISCLAIMER), align="C")


def _day(day) -> str:
    """A date as the reader's locale writes it; English keeps ISO dates, which readers in
    the UK and the US both read the same way."""
    if translation.get_language() == "en":
        return day.isoformat()
    return date_format(day, "SHORT_DATE_FORMAT")


def _signed(value: float) -> str:
    return f"{value:+.1f}".replace(".", get_format("DECIMAL_SEPARATOR"))


def summary_pdf(summary: dict) -> bytes:
    """The summary in the active language (the shared link's view activates its owner's)."""
    doc = _Doc(format="A4")
    doc.set_auto_page_break(auto=True, margin=16)
    doc.add_page()
    doc.set_title(_text(_("BackEase summary")))
    w = doc.epw

    def heading(text: str) -> None:
        doc.ln(2)
        doc.set_font("Helvetica", "B", 11)
        doc.cell(w, 7, _text(text), new_x="LMARGIN", new_y="NEXT")
        doc.set_font("Helvetica", size=9)

    def line(text: str) -> None:
        doc.multi_cell(w, 5, _text(text), new_x="LMARGIN", new_y="NEXT")

    doc.set_font("Helvetica", "B", 15)
    doc.cell(w, 9, _text(_("Low back pain: self-care summary")), new_x="LMARGIN", new_y="NEXT")
    doc.set_font("Helvetica", size=9)
    line(
        ngettext(
            "%(person)s - %(start)s to %(end)s (%(weeks)s weeks), ratings on %(rated)s day",
            "%(person)s - %(start)s to %(end)s (%(weeks)s weeks), ratings on %(rated)s days",
            summary["rated_days"],
        )
        % {
            "person": summary["person"],
            "start": _day(summary["start"]),
            "end": _day(summary["end"]),
            "weeks": summary["weeks"],
            "rated": summary["rated_days"],
        }
    )

    contact = summary["contact"]
    line(
        _("Country: %(country)s - emergency number %(number)s")
        % {"country": contact.country_name or _("not set"), "number": contact.emergency}
    )

    heading(_("Pain (0-10, daily)"))
    _chart(doc, summary, w)

    heading(_("Change"))
    if summary["change"] is None:
        line(_("Not enough ratings to show a change."))
    else:
        line(
            _("First week %(first)s, last week %(last)s: %(change)s points (%(percent)s%%).")
            % {
                "first": number(summary["first_average"]),
                "last": number(summary["last_average"]),
                "change": _signed(summary["change"]),
                "percent": number(summary["change_percent"]),
            }
        )

    heading(_("Weekly averages"))
    doc.set_font("Helvetica", "B", 9)
    columns = ((_("Week"), 0.4), (_("Average"), 0.2), (_("Rated days"), 0.2), (_("Sessions"), 0.2))
    for title, width in columns:
        doc.cell(w * width, 6, _text(title), border="B")
    doc.ln()
    doc.set_font("Helvetica", size=9)
    for row in summary["week_rows"]:
        doc.cell(
            w * 0.4,
            5,
            _text(f"{date_format(row.start, _('j M'))} - {date_format(row.end, _('j M Y'))}"),
        )
        doc.cell(w * 0.2, 5, _text(number(row.average)))
        doc.cell(w * 0.2, 5, str(row.rated_days))
        doc.cell(w * 0.2, 5, str(row.sessions))
        doc.ln()

    heading(_("Sessions and adherence"))
    total, goal = summary["sessions_total"], summary["weekly_goal"]
    line(
        " ".join(
            [
                ngettext(
                    "%(total)s session (%(completed)s completed).",
                    "%(total)s sessions (%(completed)s completed).",
                    total,
                )
                % {"total": total, "completed": summary["sessions_completed"]},
                _("A routine completed on %(active)s of %(days)s days (%(percent)s%%).")
                % {
                    "active": summary["active_days"],
                    "days": summary["days"],
                    "percent": summary["adherence_percent"],
                },
                ngettext("Weekly goal: %(goal)s day.", "Weekly goal: %(goal)s days.", goal)
                % {"goal": goal},
            ]
        )
    )

    heading(_("Exercises that hurt"))
    if not summary["hurting"]:
        line(_("None reported."))
    for item in summary["hurting"]:
        line(
            ngettext(
                "%(name)s: hurt in %(hurt)s of %(total)s time",
                "%(name)s: hurt in %(hurt)s of %(total)s times",
                item["total"],
            )
            % {"name": item["exercise_name"], "hurt": item["hurt"], "total": item["total"]}
        )

    for section in summary.get("sections", []):
        heading(str(section["title"]))
        if not section["rows"]:
            line(str(section["empty"]))
        for day, text in section["rows"]:
            line(f"{_day(day)}: {text}")

    heading(_("Warning-sign questions"))
    if not summary["screenings"]:
        line(_("Not answered in this period."))
    for screening in summary["screenings"]:
        answers = "; ".join(str(q.text) for q in screening.yes_items) or _(
            "no to every question asked"
        )
        where = ""
        if screening.reason == "checkin":
            where = " ({})".format(_("emergency questions, in a check-in"))
        line(f"{_day(screening.local_date)}{where}: {answers}")

    heading(_("Flags"))
    if not summary["open_flags"] and not summary["past_flags"]:
        line(_("None."))
    for flag in summary["open_flags"] + summary["past_flags"]:
        state = (
            _("open since %(date)s") % {"date": _day(flag.opened_on)}
            if flag.is_open
            else _("%(start)s to %(end)s")
            % {"start": _day(flag.opened_on), "end": _day(flag.closed_on)}
        )
        advice = f" {flag.consider}" if flag.is_open else ""
        line(f"{flag.get_rule_display()} ({state}): {flag.noticed}{advice}")

    heading(_("Notes"))
    if not summary["notes"]:
        line(_("No notes."))
    for day, note in summary["notes"]:
        line(f"{_day(day)}: {note}")

    return bytes(doc.output())


def _chart(doc: FPDF, summary: dict, w: float) -> None:
    height = 40
    x0, y0 = doc.l_margin + 8, doc.get_y() + 2
    width = w - 10
    doc.set_draw_color(200)
    doc.set_font("Helvetica", size=7)
    for pain in (0, 2, 4, 6, 8, 10):
        y = y0 + height * (1 - pain / 10)
        doc.line(x0, y, x0 + width, y)
        doc.text(doc.l_margin + 2, y + 1, str(pain))
    days = summary["days"]
    step = width / max(days - 1, 1)
    points = [
        (x0 + (day - summary["start"]).days * step, y0 + height * (1 - pain / 10))
        for day, pain in summary["series"].items()
    ]
    doc.set_draw_color(20, 110, 90)
    doc.set_line_width(0.5)
    for (xa, ya), (xb, yb) in zip(points, points[1:], strict=False):
        doc.line(xa, ya, xb, yb)
    for x, y in points:
        doc.circle(x=x, y=y, radius=0.6, style="F")
    doc.set_line_width(0.2)
    doc.set_draw_color(0)
    # The same date labels as the web chart: first, middle and last day.
    doc.set_font("Helvetica", size=7)
    for tick in summary["chart"]["ticks"]:
        x = x0 + (tick["day"] - summary["start"]).days * step
        label = _day(tick["day"])
        offset = {"start": 0, "middle": doc.get_string_width(label) / 2}.get(
            tick["anchor"], doc.get_string_width(label)
        )
        doc.text(x - offset, y0 + height + 4, label)
    doc.set_y(y0 + height + 7)
    doc.set_font("Helvetica", size=9)
