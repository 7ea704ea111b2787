from .commitment import CommitmentPage, CommitmentTag, Milestone
from .ogp import OGPValue
from .plan import ActionPlanIndexPage, ActionPlanPage, PlanPhase

__all__ = [
    "ActionPlanIndexPage",
    "ActionPlanPage",
    "CommitmentPage",
    "CommitmentTag",
    "Milestone",
    "OGPValue",
    "PlanPhase",
]
