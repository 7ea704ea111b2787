from .commitment import CommitmentPage, CommitmentTag
from .index import ActionPlanIndexPage
from .milestone import Milestone
from .ogp import OGPValue
from .plan import ActionPlanPage, PlanPhase
from .status import Status

__all__ = [
    "ActionPlanIndexPage",
    "ActionPlanPage",
    "CommitmentPage",
    "CommitmentTag",
    "Milestone",
    "OGPValue",
    "PlanPhase",
    "Status",
]
