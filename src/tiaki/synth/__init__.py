"""tiaki.synth: a realistic multi-agency demo scenario with ground truth.

``generate(out_dir, people, seed)`` writes six source files (border refusals, field
engagements, employer visits, compliance notices, public tips, a partner agency's broker list),
a mapping file beside each, and the ground truth (truth.csv, networks.csv, bad_rows.csv,
scenario.json). Every person in it is fictional.
"""

from tiaki.synth.scenario import generate
from tiaki.synth.summary import FileInfo, ScenarioSummary

__all__ = ["FileInfo", "ScenarioSummary", "generate"]
