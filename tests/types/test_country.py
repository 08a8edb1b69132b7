from __future__ import annotations

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import get_type
from tiaki.record.types.country import alpha3, country_name

from .helpers import check_clean_properties, messy_text

COUNTRY = get_type("country")
COUNTRIES = list(pycountry.countries)

EXAMPLES = {
    "VN": ["Viet Nam", "Vietnam", "Việt Nam", "VIET NAM", "vn", "VNM", "Vietnamese"],
    "BR": ["Brazil", "Brasil"],
    "TW": ["Taiwan", "Taiwan, Province of China", "Republic of China", "台灣"],
    "HK": ["Hong Kong", "Hong Kong SAR", "香港"],
    "CN": ["China", "PRC", "People's Republic of China", "中国", "Trung Quốc"],
    "MO": ["Macau", "Macao"],
    "KR": ["South Korea", "Korea, Republic of", "Republic of Korea", "대한민국"],
    "KP": ["North Korea", "DPRK"],
    "GB": ["UK", "Great Britain", "United Kingdom", "GBR", "GBD", "England"],
    "US": ["USA", "U.S.A.", "United States", "America"],
    "LA": ["Laos", "Lao People's Democratic Republic"],
    "MM": ["Burma", "Myanmar"],
    "TR": ["Türkiye", "Turkey", "TUR"],
    "RU": ["Russia", "Russian Federation"],
    "IR": ["Iran", "Iran, Islamic Republic of"],
    "PH": ["Philippines", "The Philippines", "Filipino"],
    "WS": ["Samoa"],
    "TO": ["Tonga"],
    "FJ": ["Fiji"],
    "IN": ["India"],
    "LK": ["Sri Lanka"],
    "TH": ["Thailand", "ประเทศไทย"],
    "ID": ["Indonesia"],
    "MY": ["Malaysia"],
    "KH": ["Cambodia"],
    "KI": ["Kiribati"],
    "TV": ["Tuvalu"],
    "NZ": ["NZ", "New Zealand", "Aotearoa", "nzl"],
    "DE": ["D<<", "D", "Germany", "DEU"],
    "CD": ["Congo, The Democratic Republic of the", "DRC"],
    "XK": ["Kosovo", "RKS", "XK"],
}


@pytest.mark.parametrize(
    ("raw", "code"), [(raw, code) for code, raws in EXAMPLES.items() for raw in raws]
)
def test_examples(raw: str, code: str) -> None:
    assert COUNTRY.clean(raw) == code
    assert COUNTRY.clean(f"  {raw.lower()} ") == code


@pytest.mark.parametrize("raw", ["Narnia", "XX", "ZZZ", "123", "Republic"])
def test_unknown(raw: str) -> None:
    with pytest.raises(InvalidValue, match="unknown country"):
        COUNTRY.clean(raw)


def test_empty_and_helpers() -> None:
    assert COUNTRY.clean(None) is None and COUNTRY.clean(" ") is None
    assert country_name("VN") == "Vietnam" and country_name("XK") == "Kosovo"
    assert alpha3("NZ") == "NZL" and alpha3("XK") == "XKX"
    assert COUNTRY.compare("VN", "VN") == 1.0 and COUNTRY.compare("VN", "CN") == 0.0
    with pytest.raises(InvalidValue):
        country_name("QQ")


@given(st.sampled_from(COUNTRIES))
def test_codes_and_names_agree(country: object) -> None:
    code = country.alpha_2  # type: ignore[attr-defined]
    forms = [code, code.lower(), country.alpha_3, country.name]  # type: ignore[attr-defined]
    for attr in ("official_name", "common_name"):
        if getattr(country, attr, None):
            forms.append(getattr(country, attr))
    for raw in forms:
        assert COUNTRY.clean(raw) == code, raw
    assert COUNTRY.validate(code)
    assert COUNTRY.compare(code, code) == 1.0


@given(messy_text)
def test_clean_properties(raw: str) -> None:
    check_clean_properties(COUNTRY, raw)
