"""Countries of the scenario: how their nationals are named, numbered and written down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PhonePlan:
    """Valid mobile (or landline) numbers of one country: prefixes of the national significant
    number, then ``rest`` random digits; ``groups`` split the NSN for display."""

    cc: str
    prefixes: tuple[str, ...]
    rest: int
    groups: tuple[int, ...]
    trunk: bool = False  # national format written with a leading 0


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    alpha2: str
    names: tuple[str, ...]  # how the nationality is written (repeats act as weights)
    cultures: tuple[tuple[str, float], ...]  # name culture -> share of nationals
    passport: tuple[str, int, str]  # letter prefix pattern, digits, letter suffix pattern
    phone: PhonePlan
    ports: tuple[str, ...]  # airports where refused boarding happens
    language: str


def _p(cc: str, prefixes: str, rest: int, groups: tuple[int, ...], trunk: bool = False) -> PhonePlan:
    return PhonePlan(cc, tuple(prefixes.split()), rest, groups, trunk)


NZ_MOBILE = _p("64", "21 22 27", 7, (2, 3, 4), trunk=True)
NZ_LANDLINE = _p("64", "93 94 95 96 98 33 34 43 44 63 73 75", 6, (1, 3, 4), trunk=True)
VN_MOBILE = _p("84", "90 91 93 94 96 97 98 32 33 34 35 36 37 38 39 70 76 77 78 79 81 82 83 84 85 86 88",
               7, (3, 3, 3), trunk=True)

COUNTRIES: dict[str, Country] = {
    c.alpha3: c
    for c in (
        Country("BRA", "BR", ("Brazil", "Brazil", "BRAZIL", "BRA", "BRA"), (("pt", 1.0),),
                ("AA", 6, ""), _p("55", "119 219 319 419 519 619 719 819 859 629 479", 8, (2, 5, 4)),
                ("GRU", "GRU", "SCL", "EZE"), "Portuguese"),
        Country("TWN", "TW", ("Taiwan", "TAIWAN", "TWN", "TWN"), (("zh_tw", 1.0),),
                ("", 9, ""), _p("886", "91 92 93 95 96 97 98 90", 7, (3, 3, 3)), ("TPE",), "Mandarin"),
        Country("HKG", "HK", ("Hong Kong", "HONG KONG", "HKG", "HKG"), (("zh_hk", 1.0),),
                ("K", 8, ""), _p("852", "61 63 64 65 69 94 96 97", 6, (4, 4)), ("HKG",), "Cantonese"),
        Country("VNM", "VN", ("Viet Nam", "Vietnam", "VIET NAM", "VNM", "VNM"), (("vi", 1.0),),
                ("C", 7, ""), VN_MOBILE, ("SGN", "HAN", "SGN"), "Vietnamese"),
        Country("CHN", "CN", ("China", "CHINA", "CHN", "CHN"), (("zh_cn", 1.0),),
                ("E", 8, ""), _p("86", "130 131 132 135 136 137 138 139 150 151 158 159 186 187 188 189",
                                 8, (3, 4, 4)), ("PVG", "CAN", "PEK"), "Mandarin"),
        Country("IND", "IN", ("India", "INDIA", "IND"), (("in", 1.0),),
                ("A", 7, ""), _p("91", "98 99 97 96 94 93 91 81 70 63", 8, (5, 5)), ("DEL", "BOM"), "Hindi"),
        Country("PHL", "PH", ("Philippines", "PHILIPPINES", "PHL"), (("fil", 1.0),),
                ("P", 7, "A"), _p("63", "917 918 919 920 921 927 928 929 939 945 955 966 977 995 998", 7,
                                  (3, 3, 4)), ("MNL",), "Tagalog"),
        Country("MYS", "MY", ("Malaysia", "MALAYSIA", "MYS"), (("ms", 0.6), ("zh_my", 0.4)),
                ("A", 8, ""), _p("60", "12 16 19", 7, (2, 3, 4)), ("KUL",), "Bahasa Indonesia"),
        Country("IDN", "ID", ("Indonesia", "INDONESIA", "IDN"), (("id", 1.0),),
                ("B", 7, ""), _p("62", "811 812 813 821 822 852 853 856 857 858 877 878 895 896 897", 8,
                                 (3, 4, 4)), ("DPS", "CGK"), "Bahasa Indonesia"),
        Country("THA", "TH", ("Thailand", "THAILAND", "THA"), (("th", 1.0),),
                ("AA", 7, ""), _p("66", "81 82 83 84 85 86 87 88 89 61 62 63 64 65 91 92 93 94 95", 7,
                                  (2, 3, 4)), ("BKK",), "Thai"),
        Country("WSM", "WS", ("Samoa", "SAMOA", "WSM"), (("sm", 1.0),),
                ("P", 6, ""), _p("685", "72 75 76 77", 5, (2, 5)), ("APW",), "Samoan"),
        Country("TON", "TO", ("Tonga", "TONGA", "TON"), (("to", 1.0),),
                ("T", 6, ""), _p("676", "77 78 84 87 88", 5, (3, 4)), ("TBU",), "Tongan"),
        Country("FJI", "FJ", ("Fiji", "FIJI", "FJI"), (("fj", 1.0),),
                ("FJ", 7, ""), _p("679", "70 71 72 73 83 84 86 87 90 91 92 93 97 98 99", 5, (3, 4)),
                ("NAN",), "English"),
        Country("KOR", "KR", ("South Korea", "KOR", "KOR"), (("ko", 1.0),),
                ("M", 8, ""), _p("82", "102 103 104 106 107 108 109", 7, (2, 4, 4)), ("ICN",), "English"),
        Country("GBR", "GB", ("United Kingdom", "GBR", "GBR"), (("en", 1.0),),
                ("", 9, ""), _p("44", "78 74 75", 8, (4, 6)), ("SIN", "LAX"), "English"),
        Country("USA", "US", ("United States", "USA", "USA"), (("en", 1.0),),
                ("", 9, ""), _p("1", "2125 4155 6465 7185 3105 3125", 6, (3, 3, 4)), ("LAX",), "English"),
        Country("DEU", "DE", ("Germany", "GERMANY", "DEU"), (("en", 1.0),),
                ("C", 8, ""), _p("49", "160 170 171", 7, (3, 7)), ("SIN",), "English"),
    )
}

# Nationality weights of a real refusal list (border), of engaged workers and of overstayers.
REFUSAL_MIX: tuple[tuple[str, float], ...] = (
    ("BRA", 44), ("TWN", 16), ("HKG", 15), ("VNM", 8), ("CHN", 6), ("IND", 2.5), ("PHL", 2),
    ("MYS", 1.5), ("IDN", 1), ("THA", 1), ("WSM", 0.8), ("TON", 0.7), ("FJI", 0.5), ("KOR", 0.4),
    ("GBR", 0.3), ("USA", 0.2), ("DEU", 0.1),
)
WORKER_MIX: tuple[tuple[str, float], ...] = (
    ("VNM", 20), ("IND", 15), ("PHL", 12), ("CHN", 10), ("BRA", 8), ("THA", 6), ("MYS", 5),
    ("WSM", 6), ("TON", 6), ("FJI", 5), ("IDN", 4), ("TWN", 2), ("HKG", 1),
)
OVERSTAYER_MIX: tuple[tuple[str, float], ...] = (
    ("TON", 14), ("WSM", 12), ("CHN", 12), ("IND", 12), ("BRA", 10), ("VNM", 10), ("PHL", 8),
    ("MYS", 8), ("FJI", 6), ("THA", 4), ("GBR", 2), ("USA", 2),
)
# Home countries of planted networks.
NETWORK_MIX: tuple[tuple[str, float], ...] = (
    ("VNM", 35), ("CHN", 10), ("TWN", 6), ("HKG", 5), ("BRA", 15), ("IND", 8), ("PHL", 6),
    ("THA", 5), ("MYS", 5), ("TON", 3), ("WSM", 2),
)

# Flights to New Zealand from each offshore port: (airline, number).
FLIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    "GRU": (("LA", 801), ("QF", 28)), "SCL": (("LA", 801), ("LA", 805)), "EZE": (("QF", 28),),
    "TPE": (("CI", 53), ("CI", 55), ("NZ", 78)), "HKG": (("CX", 197), ("CX", 199), ("NZ", 80)),
    "SGN": (("VN", 779), ("VN", 781)), "HAN": (("VN", 783),), "PVG": (("NZ", 289), ("MU", 779)),
    "CAN": (("CZ", 305), ("CZ", 307)), "PEK": (("CA", 783),), "DEL": (("AI", 358),),
    "BOM": (("SQ", 285),), "MNL": (("PR", 215), ("PR", 213)), "KUL": (("MH", 133), ("MH", 145)),
    "DPS": (("GA", 712),), "CGK": (("GA", 712),), "BKK": (("TG", 491),), "APW": (("NZ", 975), ("NZ", 973)),
    "TBU": (("NZ", 971),), "NAN": (("FJ", 411), ("NZ", 953)), "ICN": (("KE", 129),),
    "SIN": (("SQ", 285), ("SQ", 281), ("NZ", 283)), "LAX": (("NZ", 1), ("NZ", 5)),
}
NZ_PORTS: tuple[str, ...] = ("AKL",) * 16 + ("CHC",) * 2 + ("WLG", "ZQN")
