from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from actionplans.monitoring import services

PDF = b"%PDF-1.4\n%test\n"


def pdf(name="evidence.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def official(user, commitment, *, milestone=None, status="in_progress", percent=40, **fields):
    fields.setdefault("reported_on", timezone.localdate() - timedelta(days=1))
    fields.setdefault("language", "en")
    return services.post_report(
        user=user,
        commitment=commitment,
        kind="official",
        milestone=milestone,
        status=status,
        percent=percent,
        **fields,
    )


def assessment(user, commitment, *, milestone=None, status="on_track", **fields):
    fields.setdefault("reported_on", timezone.localdate())
    fields.setdefault("language", "fa-af")
    fields.setdefault("narrative", "ارزیابی ما")
    return services.post_report(
        user=user,
        commitment=commitment,
        kind="civil_society",
        milestone=milestone,
        status=status,
        **fields,
    )
