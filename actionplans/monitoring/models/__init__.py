from .accreditation import Accreditation
from .follow import Follow
from .reports import Position, ProgressReport

__all__ = ["Accreditation", "Follow", "Position", "ProgressReport"]
