"""Hostile values for form fields, query strings and URL segments (issue 8, point 3).

Every value is a string or a list of strings, as a browser or a script would send them:
a number, a float or a boolean reaches Django as its text anyway. Text never holds lone
surrogates, which cannot be encoded as UTF-8 and so never arrive over HTTP.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Markup that must never come back unescaped. Each holds a tag or an attribute break-out.
XSS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    '" autofocus onfocus="alert(1)',
    '<a href="javascript:alert(1)">x</a>',
    "{{ request.user.password }}{% debug %}",
)
SQL = (
    "' OR 1=1 --",
    "1' OR '1'='1",
    "1; DROP TABLE tracking_session; --",
    "' UNION SELECT password FROM accounts_user --",
    "\\'; SELECT pg_sleep(0); --",
)
NUMBERS = (
    "-1",
    "-0",
    "11",
    "10.5",
    "5.0",
    "1e1",
    "1e309",
    "-1e309",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "0x10",
    "٥",  # ARABIC-INDIC DIGIT FIVE
    "５",  # FULLWIDTH DIGIT FIVE
    "5_0",
    " 5",
    "5 ",
    "+5",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "9" * 30,
    "9" * 5000,
    "",
    " ",
    "null",
    "None",
    "true",
    "false",
    "[]",
    "{}",
    "[1, 2]",
    '{"a": 1}',
)
NASTY_TEXT = (
    "\x00",
    "a\x00b",
    "\x01\x02\x03\x1b[31m\x7f",
    "\r\n\r\n",
    "\t",
    "\u202eevil\u202c",
    "\u200b\u200d\ufeff",
    "\u2028\u2029\x85",
    "🙂👨‍👩‍👧‍👦",
    "𝕏𝕐ℤ",
    "é\u0301\u0301\u0301",
    "null\x00byte",
    "%00%0a%0d",
    "../../etc/passwd",
    "\\",
    "''''",
    '""""',
    "😀" * 700,
)

# Printable text that cannot hide a payload: used around the markup payloads.
plain_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40
)
any_text = st.text(max_size=300)  # every category but lone surrogates, NUL included
control_text = st.text(alphabet=st.characters(categories=("Cc", "Cf", "Zl", "Zp")), max_size=50)


@st.composite
def huge_text(draw, min_size: int = 10_000, max_size: int = 30_000) -> str:
    """10k+ characters: a short random unit repeated (drawing them one by one is slow)."""
    unit = draw(st.text(min_size=1, max_size=6))
    size = draw(st.integers(min_size, max_size))
    return (unit * (size // len(unit) + 1))[:size]


def with_payload(payloads: tuple[str, ...] = XSS) -> st.SearchStrategy[str]:
    """An injection string with random printable text on either side."""
    return st.builds(
        lambda a, p, b: f"{a}{p}{b}", plain_text, st.sampled_from(payloads), plain_text
    )


scalar = st.one_of(
    st.sampled_from(XSS + SQL + NUMBERS + NASTY_TEXT),
    with_payload(XSS + SQL),
    any_text,
    control_text,
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    huge_text(),
)
# A scalar field sent as a list: QueryDict.get() reads the last, getlist() reads them all.
value = st.one_of(scalar, st.lists(scalar, min_size=0, max_size=4))

# Anything but a bare "/": fits one path segment (`<str:...>`, `<slug:...>`).
segment = st.one_of(
    st.sampled_from(XSS + SQL + NUMBERS[:30] + NASTY_TEXT[:16]),
    st.text(min_size=1, max_size=200),
    huge_text(2_000, 4_000),
)
# Ids that do not belong to the user: zero, negative, past every integer column, or plain
# text ("<int:...>" does not match those, so they must be a 404 too).
bogus_id = st.one_of(
    st.integers(min_value=0, max_value=2**70).map(str),
    st.sampled_from(["-1", "0", "1.5", "1e3", "abc", "' OR 1=1 --", "%00", "٣", "9" * 400]),
)

# Pain and other 0–10 choices.
PAIN_VALUES = tuple(str(n) for n in range(11))
pain = st.sampled_from(PAIN_VALUES)
not_pain = value.filter(lambda v: (v[-1] if isinstance(v, list) and v else v) not in PAIN_VALUES)


# Free text a form should accept and store: payloads, Unicode, controls other than NUL.
def _storable(text: str) -> bool:
    return "\x00" not in text


storable_text = st.one_of(
    with_payload(),
    st.sampled_from(XSS + SQL),
    st.text(max_size=200).filter(_storable),
    st.sampled_from([t for t in NASTY_TEXT if _storable(t)]),
)


@st.composite
def form_data(draw, fields: dict[str, st.SearchStrategy], extra: bool = True) -> dict:
    """Each field valid, hostile or missing; now and then an unknown field too."""
    data = {}
    for name, valid in fields.items():
        kind = draw(st.sampled_from(("valid", "hostile", "missing")))
        if kind == "valid":
            data[name] = draw(valid)
        elif kind == "hostile":
            data[name] = draw(value)
    if extra and draw(st.booleans()):
        names = st.sampled_from(("id", "user", "user_id", "pk", "status", "revision"))
        data.setdefault(draw(st.one_of(names, st.text(min_size=1, max_size=30))), draw(value))
    return data


encoding = st.sampled_from(("multipart", "urlencoded", "json"))
