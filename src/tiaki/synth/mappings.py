"""The mapping file beside each source file (format: docs/mapping.md).

The mappings are hand-written YAML in ``synth/data/<stem>.mapping.yml`` (with comments for the
reader of the demo) and are copied verbatim into every scenario.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

STEMS = (
    "border_refusals",
    "field_engagements",
    "employer_visits",
    "compliance_notices",
    "public_tips",
    "partner_brokers",
)


def mapping_text(stem: str) -> str:
    return (
        resources.files("tiaki.synth")
        .joinpath("data", f"{stem}.mapping.yml")
        .read_text(encoding="utf-8")
    )


def write_mappings(out_dir: Path) -> list[str]:
    """Write the six mapping files into ``out_dir``; returns their names."""
    written = []
    for stem in STEMS:
        name = f"{stem}.mapping.yml"
        (out_dir / name).write_text(mapping_text(stem), encoding="utf-8")
        written.append(name)
    return written
