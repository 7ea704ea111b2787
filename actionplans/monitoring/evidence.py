"""Evidence documents: which files are accepted, and how they are served.

Only documents and images of a known type are accepted, checked by extension *and* by their
first bytes (a renamed HTML page is refused). They are always served by `evidence_view` as a
download (`Content-Disposition: attachment`) with `X-Content-Type-Options: nosniff` and a
sandboxing Content-Security-Policy, so nothing uploaded can run as a page of the site's origin."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from home.languages import joined

ZIP = b"PK\x03\x04"
# extension: (content type, accepted first bytes or None for plain text)
TYPES = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    "csv": ("text/csv", None),
    "txt": ("text/plain", None),
}
MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")


def max_bytes() -> int:
    return int(getattr(settings, "MOSHARAKA_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))


def accepted_extensions() -> str:
    return joined(sorted(TYPES))


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def validate_upload(upload) -> str:
    """Check an uploaded file; returns its content type or raises a ValidationError that says
    what is wrong in the uploader's language."""
    extension = extension_of(upload.name or "")
    if extension not in TYPES:
        raise ValidationError(
            _("This type of file is not accepted. Accepted types: %(types)s.")
            % {"types": accepted_extensions()}
        )
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."))
    if size > max_bytes():
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes())}
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    content_type, signatures = TYPES[extension]
    if signatures is None:
        lowered = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
        if b"\x00" in head or any(lowered.startswith(tag) for tag in MARKUP):
            raise ValidationError(_("The file's content does not match its type."))
    elif not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(_("The file's content does not match its type."))
    return content_type


def content_type_for(name: str) -> str:
    return TYPES.get(extension_of(name), ("application/octet-stream", None))[0]
