from .accreditation import Accreditation
from .follow import Follow
from .periodic import MonitoringReport
from .reports import Position, ProgressReport
from .summary import CommitmentSummary

__all__ = [
    "Accreditation",
    "CommitmentSummary",
    "Follow",
    "MonitoringReport",
    "Position",
    "ProgressReport",
]
