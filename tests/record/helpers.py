"""Small input files and mappings for ingest tests."""

from __future__ import annotations

from pathlib import Path

REFUSALS_MAPPING = """
name: test-refusals
source: {id: test-border, label: Test border, agency: Test Immigration, country: NZ}
record_key: ref
defaults:
  phone_region: NZ
  date_order: DMY
  collected_at: {column: date}
  officer: {column: officer}
  grading: {system: uk-3x5x2, source: "1", intelligence: A}
  handling: {system: uk-3x5x2, code: P}
entities:
  traveller:
    kind: Person
    role: traveller
    properties:
      name: {column: name, required: true}
      birth_date: {column: dob}
      nationality: {column: nationality}
      phone: {column: phone}
      identity: {column: passport, country: {column: nationality}}
  refusal:
    kind: BorderRefusal
    properties:
      subject: {entity: traveller}
      refusal_type: {column: type, map: {RB: refused_boarding, RE: refused_entry}}
      date: {column: date}
  agent:
    kind: Person
    role: booking_agent
    properties:
      name: {column: agent}
      phone: {column: agent_phone}
  booking:
    kind: BookedBy
    properties:
      traveller: {entity: traveller}
      agent: {entity: agent}
"""

REFUSALS_HEADER = "ref,date,type,name,dob,nationality,passport,phone,agent,agent_phone,officer\n"
REFUSALS_ROWS = [
    'R1,03/04/2026,RB,"NGUYEN, Van An",01/02/1990,Viet Nam,C1234567,+84 912 345 678,'
    "Trần Thị Hồng,+84 913 000 111,OFF-7\n",
    "R2,04/04/2026,RE,João da Silva Santos,15/06/1985,BRA,FX123456,021 123 4567,,,OFF-7\n",
    "R3,05/04/2026,RE,Chan Tai-man,20/11/1979,Hong Kong,K12345678,+852 9123 4567,"
    "Trần Thị Hồng,+84 913 000 111,OFF-8\n",
]

ENGAGEMENT_MAPPING = """
name: test-engagements
source: {id: test-engage, label: Test engagements}
record_key: ref
defaults:
  phone_region: NZ
  date_order: DMY
  collected_at: {column: date}
  grading: {system: uk-3x5x2, source: "2", intelligence: B}
  handling: {system: tlp, code: AMBER}
consent:
  given: {column: consent}
  purposes: {value: "referral to support; finding exploiters"}
entities:
  worker:
    kind: Person
    role: worker
    properties:
      name: {column: worker_name}
      phone: {column: worker_phone}
      birth_date: {column: worker_dob}
      nationality: {column: worker_country}
  worker_phone:
    kind: Phone
    properties:
      number: {column: worker_phone}
  employer:
    kind: Organization
    role: employer
    properties:
      name: {column: employer}
      phone: {column: employer_phone}
  job:
    kind: EmployedBy
    properties:
      employee: {entity: worker}
      employer: {entity: employer}
  meeting:
    kind: FieldEngagement
    properties:
      engagement_type: {value: field_engagement}
      participant: {entity: worker}
      date: {column: date}
      notes: {column: notes}
"""

ENGAGEMENT_HEADER = (
    "ref,date,worker_name,worker_phone,worker_dob,worker_country,employer,employer_phone,"
    "consent,notes\n"
)
ENGAGEMENT_ROWS = [
    "E1,10/05/2026,Phạm Thị Quỳnh,027 555 0101,12/12/1996,Viet Nam,Sunny Orchard Ltd,"
    "09 555 1234,yes,passport kept by supervisor\n",
    "E2,11/05/2026,Zhuang Xiaoling,027 555 0202,01/03/1999,China,Sunny Orchard Ltd,"
    "09 555 1234,yes,wages unpaid for 6 weeks\n",
]
PROTECTED_VALUES = [
    "Phạm Thị Quỳnh",
    "Pham Thi Quynh",
    "pham thi quynh",
    "Zhuang Xiaoling",
    "zhuang xiaoling",
    "+64275550101",
    "027 555 0101",
    "+64275550202",
    "1996-12-12",
    "12/12/1996",
    "1999-03-01",
]


def files(
    folder: Path, name: str, mapping: str, header: str, rows: list[str], encoding: str = "utf-8"
) -> tuple[Path, Path]:
    data = folder / f"{name}.csv"
    data.write_bytes((header + "".join(rows)).encode(encoding))
    m = folder / f"{name}.mapping.yml"
    m.write_text(mapping, encoding="utf-8")
    return data, m


def refusals(folder: Path, rows: list[str] | None = None, **kw: str) -> tuple[Path, Path]:
    return files(
        folder,
        "refusals",
        REFUSALS_MAPPING,
        REFUSALS_HEADER,
        REFUSALS_ROWS if rows is None else rows,
        **kw,
    )


def engagements(folder: Path) -> tuple[Path, Path]:
    return files(folder, "engagements", ENGAGEMENT_MAPPING, ENGAGEMENT_HEADER, ENGAGEMENT_ROWS)
