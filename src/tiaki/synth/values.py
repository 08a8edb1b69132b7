"""Cell values as real records write them: phones, dates, documents, e-mails, typos, OCR slips.

Every function takes ``r`` (a bound ``random.Random().random``) so that the whole scenario
comes from one seeded generator; all are cheap (a few random draws, no parsing).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from tiaki.synth.countries import Country, PhonePlan
from tiaki.synth.names import Name, Rand

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # no I, O: documents avoid them
_OCR = {"O": "0", "0": "O", "I": "1", "1": "I", "S": "5", "5": "S", "B": "8", "8": "B"}
_NOT_IN_EMAIL = str.maketrans("", "", " -'.")
_NZ_BANKS = ("01", "02", "03", "06", "12", "38")


class Phone(NamedTuple):
    plan: PhonePlan
    nsn: str  # national significant number

    @property
    def e164(self) -> str:
        return f"+{self.plan.cc}{self.nsn}"


_TAILS: dict[int, tuple[str, int]] = {n: (f"%0{n}d", 10**n) for n in range(1, 13)}


def new_phone(plan: PhonePlan, r: Rand) -> Phone:
    return phone_from_draw(plan, r())


def phone_from_draw(plan: PhonePlan, u: float) -> Phone:
    """The number of the plan that a uniform draw ``u`` in [0, 1) stands for."""
    prefixes = plan.prefixes
    fmt, mod = _TAILS[plan.rest]
    n = len(prefixes)
    x = int(u * n * mod)
    return Phone(plan, prefixes[x % n] + fmt % (x // n))


def _groups(phone: Phone) -> list[str]:
    nsn = phone.nsn
    return [nsn[cut] for cut in phone.plan.cuts]


def intl(phone: Phone, r: Rand) -> str:
    """International format in one of the ways people write it (+84 912 345 678, 0084...)."""
    u, cc = r(), phone.plan.cc
    if u < 0.35:
        return f"+{cc} {' '.join(_groups(phone))}"
    if u < 0.55:
        return f"+{cc}{phone.nsn}"
    if u < 0.70:
        return f"00{cc} {' '.join(_groups(phone))}"
    if u < 0.80:
        return f"+{cc}-{'-'.join(_groups(phone))}"
    if u < 0.90:
        return f"(+{cc}) {phone.nsn}"
    return f"00 {cc} {phone.nsn}"


def national(phone: Phone, r: Rand) -> str:
    """National format with the trunk 0 (021 234 5678, (09) 345-6789, 0912345678)."""
    u = r()
    g = _groups(phone)
    if u < 0.5:
        return f"0{g[0]} {' '.join(g[1:])}"
    if u < 0.7:
        return f"0{phone.nsn}"
    if u < 0.85:
        return f"(0{g[0]}) {' '.join(g[1:-1])}{'-' if len(g) > 2 else ''}{g[-1]}".replace(
            ") -", ") "
        )
    return f"0{'-'.join(g)}"


def local(phone: Phone, r: Rand, region_cc: str, intl_share: float = 0.1) -> str:
    """National format for numbers of the file's default region, international otherwise."""
    if phone.plan.cc == region_cc and phone.plan.trunk and r() >= intl_share:
        return national(phone, r)
    return intl(phone, r)


MIN_AGE_DAYS, MAX_AGE_DAYS = int(18 * 365.25), int(64 * 365.25)


def age_days(r: Rand) -> int:
    """The age in days of an adult of working age (18 to 64, mode about 30)."""
    return int((18 + r() * 14 + r() * r() * 32) * 365.25)


# Day and month can only be swapped (to another valid date) when the day is 12 or less, which
# is true of about 40 % of dates: swapping 5 % of those swaps about 2 % of all dates of birth.
SWAP_SHARE = 0.05


def swap_day_month(d: date, r: Rand) -> date:
    """The day/month slip of a clerk (still a valid date), in about 2 % of calls."""
    if d.day <= 12 and d.day != d.month and r() < SWAP_SHARE:
        return d.replace(month=d.day, day=d.month)
    return d


def dob_dmy(d: date, r: Rand) -> str:
    """A date of birth as a clerk types it: DMY in some format, sometimes with day and month
    swapped."""
    if d.day <= 12 and d.day != d.month and r() < SWAP_SHARE:
        d = d.replace(month=d.day, day=d.month)
    return dmy(d, r)


def dmy(d: date, r: Rand) -> str:
    """A DMY date as forms write it: 03/04/1990, 3-4-90, 03.04.1990, 3 Apr 1990."""
    u = r()
    if u < 0.5:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if u < 0.6 and 1970 <= d.year <= 2009:
        return f"{d.day}-{d.month}-{d.year % 100:02d}"
    if u < 0.75:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if u < 0.9:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.day}/{d.month}/{d.year}"


def passport_no(country: Country, r: Rand) -> str:
    """A document number in the country's pattern ("A" in the pattern is a random letter)."""
    head, digits, tail = country.passport
    if head == "A":
        head = _LETTERS[int(r() * 23)]
    elif head == "AA":
        head = _LETTERS[int(r() * 23)] + _LETTERS[int(r() * 23)]
    fmt, mod = _TAILS[digits]
    number = head + fmt % int(r() * mod)
    return number + _LETTERS[int(r() * 23)] if tail else number


def ocr_slip(text: str, r: Rand) -> str:
    """One OCR confusion (O/0, I/1, S/5, B/8) in a document number, if it has such a character."""
    spots = [i for i, c in enumerate(text) if c in _OCR]
    if not spots:
        return text
    i = spots[int(r() * len(spots))]
    return text[:i] + _OCR[text[i]] + text[i + 1 :]


def typo(text: str, r: Rand) -> str:
    """One keyboard slip in a name: substitution, deletion, doubling or transposition."""
    n = len(text)
    if n < 4:
        return text
    i = 1 + int(r() * (n - 2))
    if not text[i].isalpha() or not text[i - 1].isalpha():
        return text
    op = int(r() * 4)
    if op == 0:
        c = "aeioulnrst"[int(r() * 10)]
        return text[:i] + (c.upper() if text[i].isupper() else c) + text[i + 1 :]
    if op == 1:
        return text[:i] + text[i + 1 :]
    if op == 2:
        return text[:i] + text[i] + text[i:]
    return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]


def email(name: Name, domains: tuple[str, ...], r: Rand, birth_year: int) -> str:
    g, f = name.email_parts()
    g = g.translate(_NOT_IN_EMAIL) or "mail"
    f = f.translate(_NOT_IN_EMAIL)
    domain = domains[int(r() * len(domains))]
    if domain == "qq.com" and r() < 0.7:
        return f"{int(100000 + r() * 3_000_000_000)}@qq.com"
    u, yy = r(), birth_year % 100
    if not f or u < 0.1:
        local_part = f"{g}{yy:02d}{int(r() * 100)}"
    elif u < 0.35:
        local_part = f"{g}.{f}"
    elif u < 0.55:
        local_part = f"{g}{f}{yy:02d}"
    elif u < 0.70:
        local_part = f"{f}.{g}"
    elif u < 0.85:
        local_part = f"{g}_{f}{int(r() * 100)}"
    else:
        local_part = f"{g[0]}{f}"
    return f"{local_part}@{domain}"


def nz_account(r: Rand) -> str:
    bank = _NZ_BANKS[int(r() * len(_NZ_BANKS))]
    return f"{bank}-{int(r() * 9000) + 1000}-{int(r() * 10**7):07d}-{'00' if r() < 0.8 else '000'}"


def vn_account(r: Rand) -> str:
    return f"{int(r() * 10**13):013d}"


def flight_texts(airline: str, number: int) -> tuple[str, ...]:
    """A flight as forms write it (NZ 0289, nz289, NZ289); repeats weigh the styles."""
    return (
        (f"{airline} {number:04d}",) * 8
        + (f"{airline.lower()}{number}",) * 5
        + (f"{airline}{number}",) * 7
    )
