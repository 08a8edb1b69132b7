"""One writer per source file of the scenario."""

from tiaki.synth.sources.base import Ctx, Source
from tiaki.synth.sources.border import BorderRefusals
from tiaki.synth.sources.field import FieldEngagements
from tiaki.synth.sources.notices import ComplianceNotices
from tiaki.synth.sources.partner import PartnerBrokers
from tiaki.synth.sources.tips import PublicTips
from tiaki.synth.sources.visits import EmployerVisits

__all__ = [
    "BorderRefusals",
    "ComplianceNotices",
    "Ctx",
    "EmployerVisits",
    "FieldEngagements",
    "PartnerBrokers",
    "PublicTips",
    "Source",
]
