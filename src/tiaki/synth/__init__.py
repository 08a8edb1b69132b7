"""tiaki.synth: a realistic multi-agency demo scenario, with its ground truth.

``generate(out_dir, people, seed=7, progress=None) -> ScenarioSummary`` writes, for ``people``
fictional persons (100 to 10,000,000), six source files, each with ``<stem>.mapping.yml``
beside it (docs/mapping.md):

- ``border_refusals.csv`` (``inz-border``, ~72 % of the rows): refused boarding / entry, with
  passport-style names, DMY dates in many formats, the booking agent when known;
- ``field_engagements.jsonl`` (``inz-compliance-engagement``): engagements with workers
  (protected role) at venues, their employer and, at planted networks' venues, the operator;
- ``employer_visits.csv`` (``labour-inspectorate``): Latin-1, ``phone`` header twice, blank lines;
- ``compliance_notices.xlsx`` (``inz-compliance``): date cells and Excel serial numbers;
- ``public_tips.jsonl`` (``public-tips``): tips about venues, phones and named people;
- ``partner_brokers.csv`` (``vn-mps``): Viet Nam's broker list, UTF-8 with BOM.

Ground truth: ``truth.csv`` (who each person or organisation mention really is: person ids
``P00001234``, organisations ``O00000012``; rows planted to be quarantined have none),
``networks.csv`` (planted facilitator networks and the identifiers they share),
``bad_rows.csv`` (every planted bad row, its kind and whether the ingest must quarantine or
store it) and ``scenario.json`` (the summary).

The same seed gives byte-identical files. Rows are streamed; only networks, booking agents,
employers and venues (about 1 % of the people) are held in memory.
"""

from tiaki.synth.scenario import generate
from tiaki.synth.summary import FileInfo, ScenarioSummary

__all__ = ["FileInfo", "ScenarioSummary", "generate"]
