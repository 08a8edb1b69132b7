"""Countries, canonical as ISO 3166-1 alpha-2 upper-case (``VN``, ``NZ``, ``TW``).

Accepts alpha-2 and alpha-3 codes, passport MRZ codes (``D<<`` for Germany, ``GBD`` …),
the ISO names from ``pycountry`` (short, official, common and the inverted comma forms:
``Korea, Republic of`` / ``Republic of Korea``), and an alias table of common and native
names and demonyms (``Việt Nam``, ``Brasil``, ``PRC``, ``Hong Kong SAR``, ``Aotearoa``,
``Vietnamese``). Matching is on :func:`~tiaki.record.translit.fold`, so case, diacritics
and punctuation do not matter. Kosovo is accepted as the user-assigned code ``XK``.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from tiaki.errors import InvalidValue
from tiaki.record.translit import fold
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    ValueType,
    cached_clean,
    raw_text,
    register,
)

__all__ = ["country_code", "country_name", "alpha3", "ALIASES"]

_A = {
    "VN": "vietnam;viet nam;socialist republic of vietnam;vietnamese",
    "CN": "prc;mainland china;zhong guo;zhongguo;trung quoc;chinese;china prc",
    "TW": "taiwan;republic of china;roc;chinese taipei;tai wan;dai loan;taiwanese",
    "HK": "hong kong sar;hongkong;hksar;hong kong sar china;xiang gang;hong konger",
    "MO": "macau;macau sar;macao sar;ao men;macanese",
    "KR": "south korea;republic of korea;rok;korea;han gug;dae han min gug;han quoc;korean",
    "KP": "north korea;dprk;north korean",
    "JP": "japan;nippon;nihon;ri ben;nhat ban;japanese",
    "GB": "uk;u k;great britain;britain;england;scotland;wales;northern ireland;british",
    "US": "usa;u s a;u s;us;america;united states of america;american",
    "LA": "laos;lao;lao pdr;laotian",
    "MM": "burma;burmese;myanmar",
    "TR": "turkey;turkish",
    "RU": "russia;russian",
    "IR": "iran;persia;iranian",
    "PH": "philippines;the philippines;pilipinas;filipino;filipina",
    "WS": "samoa;western samoa;samoan",
    "TO": "tonga;tongan",
    "FJ": "fiji;fijian",
    "IN": "india;bharat;an do;indian",
    "LK": "sri lanka;ceylon;sri lankan",
    "TH": "thailand;thai;thai lan;prathet thai;praethsaithy",
    "ID": "indonesia;indonesian",
    "MY": "malaysia;malaysian",
    "KH": "cambodia;kampuchea;campuchia;cambodian;khmer",
    "KI": "kiribati;i kiribati",
    "TV": "tuvalu;tuvaluan",
    "NZ": "new zealand;aotearoa;new zealander",
    "AU": "australia;australian",
    "NP": "nepal;nepali;nepalese",
    "BD": "bangladesh;bangladeshi",
    "PK": "pakistan;pakistani",
    "BR": "brasil;brazilian",
    "DE": "deutschland;german",
    "FR": "french",
    "ES": "espana;spanish",
    "NL": "netherlands;holland;dutch",
    "CZ": "czech republic",
    "CI": "ivory coast",
    "CD": "drc;dr congo;democratic republic of the congo",
    "TL": "east timor;timorese",
    "SZ": "swaziland",
    "MK": "macedonia",
    "CV": "cape verde",
    "FM": "micronesia",
    "VA": "vatican;vatican city",
    "PS": "palestine",
    "AE": "uae;emirates",
    "SA": "saudi;ksa",
    "PG": "png",
    "XK": "kosovo",
}
# Folded alias -> alpha-2.
ALIASES: dict[str, str] = {alias: code for code, names in _A.items() for alias in names.split(";")}
# Passport MRZ (ICAO 9303) codes that are not ISO alpha-3.
_MRZ = {
    "D": "DE",
    "GBD": "GB",
    "GBN": "GB",
    "GBO": "GB",
    "GBP": "GB",
    "GBS": "GB",
    "RKS": "XK",
    "XKX": "XK",
}
_EXTRA_ALPHA2 = {"XK": "Kosovo"}


def _name_keys(name: str) -> list[str]:
    keys = [fold(name)]
    if ", " in name:  # "Korea, Republic of" -> "Republic of Korea"
        head, tail = name.split(", ", 1)
        keys.append(fold(f"{tail} {head}"))
    return [key.removeprefix("the ") for key in keys]


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """(alpha-3 -> alpha-2, folded name -> alpha-2), built once on first use."""
    by_alpha3: dict[str, str] = dict(_MRZ)
    by_name: dict[str, str] = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        by_alpha3[str(country.alpha_3)] = code
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            for key in _name_keys(name) if name else []:
                by_name.setdefault(key, code)
    by_name.update(ALIASES)
    return by_alpha3, by_name


def _is_alpha2(code: str) -> bool:
    return code in _EXTRA_ALPHA2 or pycountry.countries.get(alpha_2=code) is not None


@cached_clean(maxsize=2**14)
def country_code(text: str) -> str:
    """Alpha-2 code for a code, MRZ code, name, alias or demonym; else ``InvalidValue``."""
    compact = text.replace("<", " ").strip()
    upper = compact.upper()
    by_alpha3, by_name = _index()
    if len(upper) == 2 and upper.isalpha() and upper.isascii() and _is_alpha2(upper):
        return upper
    if upper in by_alpha3:
        return by_alpha3[upper]
    key = fold(compact).removeprefix("the ")
    if key in by_name:
        return by_name[key]
    raise InvalidValue(f"unknown country {text!r}")


def country_name(code: str) -> str:
    """A readable English name for an alpha-2 code (common name where ISO has one)."""
    if code in _EXTRA_ALPHA2:
        return _EXTRA_ALPHA2[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise InvalidValue(f"unknown country code {code!r}")
    return str(getattr(country, "common_name", None) or country.name)


def alpha3(code: str) -> str:
    """The alpha-3 code for an alpha-2 code (``XKX`` for Kosovo)."""
    if code == "XK":
        return "XKX"
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise InvalidValue(f"unknown country code {code!r}")
    return str(country.alpha_3)


@register
class CountryType(ValueType):
    name = "country"
    label = "Country"
    max_length = 128

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        return None if text is None else country_code(text)
