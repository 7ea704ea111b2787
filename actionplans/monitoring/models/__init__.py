from .accreditation import Accreditation

__all__ = ["Accreditation"]
