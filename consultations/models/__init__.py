from .comments import BODY_MAX_LENGTH, Comment, CommentReport, CommentResponse
from .consultation_page import ConsultationPage
from .index_page import ConsultationIndexPage

__all__ = [
    "BODY_MAX_LENGTH",
    "Comment",
    "CommentReport",
    "CommentResponse",
    "ConsultationIndexPage",
    "ConsultationPage",
]
