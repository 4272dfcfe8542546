"""Finding English left on a page, an email or a PDF meant for a Spanish or German reader."""

import re
from html.parser import HTMLParser

# Words and phrases of the English interface that are no Spanish or German word.
ENGLISH_UI_WORDS = [
    "the",
    "and",
    "you",
    "your",
    "Your",
    "with",
    "of",
    "is",
    "Dashboard",
    "Progress",
    "History",
    "Reminder",
    "Reminders",
    "Profile",
    "Log out",
    "Log in",
    "Sign up",
    "Save",
    "Delete",
    "Cancel",
    "Continue",
    "Skip",
    "Today",
    "today",
    "Week",
    "weeks",
    "days",
    "minutes",
    "Pain",
    "pain",
    "Change",
    "help",
    "Check-in",
    "check-in",
    "Exercise",
    "exercise",
    "Stop",
    "Summary",
    "Hold",
    "Back to",
    "Language",
    "Emergency",
    "Call",
    "Yes",
    "Routines",
    "Start the routine",
    "Send me",
    "Remember",
    "Password",
    "Email",
    "Forgot",
]
_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH_UI_WORDS) + r")(?![\w-])"
)
# Attributes people read (or hear): alt text, tooltips, labels for screen readers.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        # A select's options are data (time zone names, countries in their own
        # translations), checked by their own tests.
        if tag in ("script", "style", "select"):
            self._skip += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.parts.append(attributes.get("content") or "")
        if tag == "input" and attributes.get("type") in ("submit", "button"):
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "select") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def readable_text(html: str) -> str:
    # The switcher names every language in itself ("English"), by design.
    html = re.sub(r'<option value="en" lang="en"[^>]*>English</option>', "", html)
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def english_words(text: str) -> list[str]:
    """English UI words in `text`, each with a little context."""
    found = []
    text = re.sub(r"https?://\S+", " ", text)  # addresses are no words
    for match in _PATTERN.finditer(text):
        start, end = max(match.start() - 40, 0), match.end() + 40
        found.append(f"{match.group(0)!r} in …{text[start:end]!r}…")
    return found
