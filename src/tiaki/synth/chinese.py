"""Chinese names across romanisation systems: Pinyin (mainland), Wade-Giles (Taiwan) and
Cantonese (Hong Kong, Malaysia), joined / hyphenated / split given names, Western first names,
and Hanzi."""

from __future__ import annotations

from tiaki.synth.names import Name, Rand, title_case
from tiaki.synth.pools import fold


class ChineseName(Name):
    """One surname and one or two given syllables, romanised per system: ``cn`` Pinyin,
    ``tw`` Wade-Giles, ``hk``/``my`` Cantonese; Hong Kong names may carry a Western name."""

    __slots__ = ("sur", "giv", "system", "western")

    _COL = {"cn": 0, "tw": 1, "hk": 2, "my": 2}  # column of the pool rows per system
    _DOC = {"cn": 0, "tw": 5, "hk": 2, "my": 2}  # ... as travel documents write it

    def __init__(
        self, sur: tuple[str, ...], giv: tuple[tuple[str, ...], ...], system: str, western: str
    ) -> None:
        self.sur, self.giv, self.system, self.western = sur, giv, system, western

    def _parts(self, col: int) -> tuple[str, list[str]]:
        return self.sur[col], [s[col] for s in self.giv]

    def hanzi(self) -> str:
        col = 3 if self.system == "cn" else 4
        return self.sur[col] + "".join(s[col] for s in self.giv)

    def _given(self, syl: list[str], style: int) -> str:
        if style == 0:
            return "".join(syl).replace("'", "").capitalize()
        if style == 1:
            return "-".join(syl).capitalize()
        return " ".join(s.capitalize() for s in syl)

    def passport(self, r: Rand) -> str:
        u = r()
        sur, syl = self._parts(self._DOC[self.system])
        sur = sur.upper()
        if self.system == "cn":
            if u < 0.6:
                return f"{sur}, {self._given(syl, 0).upper()}"
            return (
                f"{sur} {self._given(syl, 0).upper()}"
                if u < 0.8
                else f"{self._given(syl, 0)} {sur}"
            )
        if self.system == "tw":
            if u < 0.6:
                return f"{sur}, {self._given(syl, 1).upper()}"
            return (
                f"{sur}, {self._given(syl, 2).upper()}"
                if u < 0.75
                else f"{self._given(syl, 1)} {sur}"
            )
        west = f" {self.western.upper()}" if self.western else ""
        if u < 0.45:
            return f"{sur}, {self._given(syl, 2).upper()}{west}"
        if u < 0.6:
            return f"{sur} {self._given(syl, 2).upper()}"
        if u < 0.8 and self.western:
            return f"{self.western} {sur} {self._given(syl, 1)}"
        return f"{self._given(syl, 2)} {sur}"

    def casual(self, r: Rand) -> str:
        u = r()
        if self.system != "cn" and u < 0.10:
            sur, syl = self._parts(0)
            return f"{sur} {self._given(syl, 0)}"
        if u < 0.14:
            return self.hanzi()
        sur, syl = self._parts(self._COL[self.system])
        if self.system == "tw" and r() < 0.8:
            sur = sur.replace("'", "")
        sur = title_case(sur)
        v = r()
        if self.western and v < 0.45:
            return (
                f"{self.western} {sur}"
                if v < 0.25
                else f"{self.western} {sur} {self._given(syl, 1)}"
            )
        if v < 0.6:
            return f"{sur} {self._given(syl, 1 if self.system != 'cn' else 0)}"
        if v < 0.8:
            return f"{self._given(syl, 2)} {sur}"
        return f"{self._given(syl, 0)} {sur}"

    def native(self, r: Rand) -> str:
        u = r()
        if u < 0.35:
            return self.hanzi()
        col = 0 if u < 0.7 else self._COL[self.system]
        sur, syl = self._parts(col)
        return f"{title_case(sur)} {self._given(syl, 0 if col == 0 else 2)}"

    def short(self, r: Rand) -> str:
        if self.western and r() < 0.6:
            return self.western
        sur, syl = self._parts(self._COL[self.system])
        return (
            f"Ah {syl[-1].capitalize()}"
            if self.system in ("hk", "my")
            else f"Xiao {title_case(sur)}"
        )

    def email_parts(self) -> tuple[str, str]:
        sur, syl = self._parts(self._COL[self.system])
        return fold("".join(syl)).replace("'", "").lower(), fold(sur).replace("'", "").lower()
