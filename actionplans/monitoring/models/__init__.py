from .accreditation import Accreditation
from .follow import Follow
from .periodic import MonitoringReport
from .reports import Position, ProgressReport

__all__ = ["Accreditation", "Follow", "MonitoringReport", "Position", "ProgressReport"]
