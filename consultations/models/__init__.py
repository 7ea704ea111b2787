from .index_page import ConsultationIndexPage

__all__ = ["ConsultationIndexPage"]
