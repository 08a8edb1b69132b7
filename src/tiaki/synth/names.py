"""Personal names and the ways records write them.

A :class:`Name` is one person's name; ``passport`` / ``casual`` / ``native`` render it the way a
travel document, an officer's note or a home-country register would, picking one realistic
variant per call (order, case, diacritics, romanisation system, dropped or abbreviated parts).
"""

from __future__ import annotations

from collections.abc import Callable

from tiaki.synth.pools import fold

Rand = Callable[[], float]


def _spell(spellings: tuple[str, ...], r: Rand, alt: float) -> str:
    if len(spellings) > 1 and r() < alt:
        return spellings[1 + int(r() * (len(spellings) - 1))]
    return spellings[0]


def title_case(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


class Name:
    """Base class: subclasses render one person's name."""

    __slots__ = ()

    def passport(self, r: Rand) -> str:
        raise NotImplementedError

    def casual(self, r: Rand) -> str:
        raise NotImplementedError

    def native(self, r: Rand) -> str:
        raise NotImplementedError

    def short(self, r: Rand) -> str:
        """What people call the person: a given name, a nickname, a Western name."""
        raise NotImplementedError

    def email_parts(self) -> tuple[str, str]:
        """ASCII lower-case (given, family) for e-mail local parts."""
        raise NotImplementedError


class VietName(Name):
    """Family, middle (Văn/Thị...), given: ``Nguyễn Văn An``."""

    __slots__ = ("fam", "mid", "giv")

    def __init__(self, fam: str, mid: str, giv: str) -> None:
        self.fam, self.mid, self.giv = fam, mid, giv

    def _ascii(self) -> tuple[str, str, str]:
        return fold(self.fam), fold(self.mid), fold(self.giv)

    def passport(self, r: Rand) -> str:
        u = r()
        f, m, g = self._ascii()
        if u < 0.75:
            given = f"{m} {g}".upper() if m else g.upper()
            return f"{f.upper()}, {given}" if u < 0.55 else f"{f.upper()} {given}"
        if u < 0.90:
            return f"{m} {g} {f.upper()}" if m else f"{g} {f.upper()}"
        if u < 0.95:
            return f"{g} {f} {m}".upper() if m else f"{g} {f}".upper()
        return f"{g} {f.upper()}"

    def casual(self, r: Rand) -> str:
        u = r()
        if 0.30 <= u < 0.55:
            return f"{self.fam} {self.mid} {self.giv}" if self.mid else f"{self.fam} {self.giv}"
        f, m, g = self._ascii()
        full = f"{f} {m} {g}" if m else f"{f} {g}"
        if u < 0.30:
            return full
        if u < 0.70:
            return f"{g} {f}"
        if u < 0.80:
            return f"{m} {g} {f}" if m else f"{g} {f}"
        if u < 0.87:
            return (f"{g} {f} {m}" if m else f"{g} {f}").upper()
        return full.upper() if u < 0.94 else full.lower()

    def native(self, r: Rand) -> str:
        u = r()
        if u < 0.95:
            full = f"{self.fam} {self.mid} {self.giv}" if self.mid else f"{self.fam} {self.giv}"
            return full if u < 0.85 else full.upper()
        f, m, g = self._ascii()
        return f"{f} {m} {g}" if m else f"{f} {g}"

    def short(self, r: Rand) -> str:
        u = r()
        if u < 0.4:
            return self.giv
        if u < 0.7:
            return f"{'chị' if self.mid == 'Thị' else 'anh'} {self.giv}"
        return fold(self.giv)

    def email_parts(self) -> tuple[str, str]:
        return fold(self.giv).lower(), fold(self.fam).lower()


_PARTICLES = frozenset(("da", "de", "do", "das", "dos", "e"))


class LusoName(Name):
    """Brazilian/Portuguese: given names, then surnames that may carry particles
    (``Maria das Graças da Silva Santos``); records keep different subsets."""

    __slots__ = ("given", "surnames")

    def __init__(self, given: str, surnames: tuple[tuple[str, str], ...]) -> None:
        self.given = given  # one pool entry: "Maria das Graças"
        self.surnames = surnames  # (particle or "", surname)

    def _full(self, particles: bool, ascii_only: bool = False) -> str:
        conv = fold if ascii_only else str
        parts = " ".join(
            f"{p} {conv(s)}" if (p and particles) else conv(s) for p, s in self.surnames
        )
        given = conv(self.given)
        if not particles:
            given = " ".join(w for w in given.split() if w not in _PARTICLES)
        return f"{given} {parts}"

    def passport(self, r: Rand) -> str:
        u = r()
        if u >= 0.75:
            return self._full(True, True).upper() if u < 0.90 else self._full(True)
        given = fold(self.given).upper()
        sur = self.surnames
        if u < 0.60 and u >= 0.35:
            allsur = " ".join(f"{p} {fold(s)}" if p else fold(s) for p, s in sur).upper()
            return f"{allsur}, {given}"
        last = fold(sur[-1][1]).upper()
        if len(sur) == 1:
            return f"{last}, {given}"
        if u < 0.35:
            return f"{last}, {given} {' '.join(fold(s) for _, s in sur[:-1]).upper()}"
        return f"{last}, {given} {' '.join(fold(s)[0].upper() for _, s in sur[:-1])}"

    def casual(self, r: Rand) -> str:
        u = r()
        first = self.given.split()[0]
        if u < 0.30:
            return f"{first} {self.surnames[-1][1]}"
        if u < 0.50:
            return self._full(True)
        if u < 0.65:
            return f"{self.given} {' '.join(s for _, s in self.surnames)}"
        if u < 0.75:
            return f"{first} {self.surnames[0][1]}"
        if u < 0.85:
            return self._full(False)
        if u < 0.95:
            return self._full(True, True)
        return f"{fold(self.surnames[-1][1]).upper()}, {first}"

    def native(self, r: Rand) -> str:
        return self._full(True) if r() < 0.8 else self.casual(r)

    def short(self, r: Rand) -> str:
        return self.given.split()[0]

    def email_parts(self) -> tuple[str, str]:
        return fold(self.given.split()[0]).lower(), fold(self.surnames[-1][1]).lower()


class GenericName(Name):
    """Given [middle] family, with culture-specific habits: ``fil`` keeps a maternal middle
    name, ``sikh`` Singh/Kaur, ``ms`` bin/binti patronymics, ``ko`` family first, and
    mononyms (``family`` empty). Each part is a tuple of spellings."""

    __slots__ = ("culture", "giv", "mid", "fam")

    def __init__(self, culture: str, giv: tuple[str, ...], mid: str, fam: tuple[str, ...]) -> None:
        self.culture, self.giv, self.mid, self.fam = culture, giv, mid, fam

    def passport(self, r: Rand) -> str:
        u = r()
        g = fold(_spell(self.giv, r, 0.05))
        f = fold(_spell(self.fam, r, 0.05)) if self.fam else ""
        m = fold(self.mid)
        c = self.culture
        if not f and c == "sikh":
            f, m = m, ""
        if not f:
            return g.upper()
        if c == "ms":
            if u < 0.6:
                return f"{g} {m} {f}".upper()
            return f"{f}, {g}".upper() if u < 0.8 else f"{g} {m} {f}"
        if c == "ko":
            if u < 0.6:
                return f"{f}, {g}".upper()
            return f"{f} {g.replace('-', '')}".upper() if u < 0.8 else f"{g} {f.upper()}"
        if c == "fil" and m:
            if u < 0.4:
                return f"{f}, {g}".upper()
            if u < 0.6:
                return f"{f}, {g} {m}".upper()
            if u < 0.8:
                return f"{g} {m[0]}. {f.upper()}"
            return f"{f.replace(' ', '')}, {g}".upper() if u < 0.9 else f"{g} {f.upper()}"
        if c == "sikh" and m and u < 0.2:
            return f"{m}, {g}".upper()
        given = f"{g} {m}" if m else g
        if u < 0.65:
            return f"{f}, {given}".upper()
        return f"{given} {f.upper()}" if u < 0.9 else f"{f} {given}".upper()

    def casual(self, r: Rand) -> str:
        u = r()
        g = _spell(self.giv, r, 0.2)
        f = _spell(self.fam, r, 0.2) if self.fam else ""
        if f and "'" in f and r() < 0.3:
            f = f.replace("'", "\u02bb")  # ʻokina
        m, c = self.mid, self.culture
        if not f:
            return f"{g} {m}" if m else g
        if c == "ko":
            return (
                f"{f} {g}" if u < 0.4 else (f"{g.replace('-', '')} {f}" if u < 0.7 else f"{g} {f}")
            )
        if c == "sikh":
            if u < 0.35:
                return f"{g} {m}"
            return f"{g} {m} {f}" if u < 0.65 else (f"{g} {f}" if u < 0.9 else f"{g[0]}. {m}")
        if c == "ms":
            return f"{g} {m} {f}" if u < 0.5 else f"{g} {f}"
        if u < 0.55:
            return f"{g} {f}"
        if u < 0.70 and m:
            return f"{g} {m} {f}"
        if u < 0.85:
            return f"{f} {g}"
        return f"{g} {f}".upper()

    def native(self, r: Rand) -> str:
        return self.casual(r)

    def short(self, r: Rand) -> str:
        return self.giv[0].split()[0]

    def email_parts(self) -> tuple[str, str]:
        g = fold(self.giv[0]).lower().replace(" ", "").replace("-", "")
        f = fold(self.fam[0]).lower().replace(" ", "").replace("'", "") if self.fam else ""
        return g, f
