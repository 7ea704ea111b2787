"""Demo consultations and comments, from consultations/demo/data/: an open consultation on the
draft charter of citizen participation (Arabic source, French translation with the same
paragraph anchors), the closed and answered 2023 consultation on the draft Open Region
programme, a closed one awaiting answers, a Dari consultation in Mazar-i-Sharif, and comments
on a commitment.

Comments, reports and answers go through consultations.services, as a user's would, so they
have their audit-log entries and pass the same checks. A consultation that is not open today
(or, for answers, not closed) is opened (or closed) for as long as that takes, then given the
window of its data file; the comments then get the dates of the data file."""

import json
import uuid
from contextlib import contextmanager
from datetime import timedelta

from django.utils import timezone

from home import pagetree
from home.demo.files import moment, read

from .. import services
from ..models import Comment, CommentResponse, ConsultationIndexPage, ConsultationPage

NAMESPACE = uuid.UUID("6f1d8c2e-4d0b-4c43-9a57-2b7c3d51e0aa")
# Data files in the order they are loaded, each with the language of its pages.
FILES = [("region.ar", "ar"), ("region.fr", "fr"), ("region.en", "en"), ("mazar.fa-af", "fa-af")]
TYPES = {"ConsultationIndexPage": ConsultationIndexPage, "ConsultationPage": ConsultationPage}


def paragraph_id(key: str, section: int, paragraph: int) -> str:
    """The anchor of a paragraph (1-based) of the draft of the page of this key: the same in
    every language version, and on every load."""
    return str(uuid.uuid5(NAMESPACE, f"{key}:{section - 1}:{paragraph - 1}"))


def draft(key: str, sections: list[dict]) -> str:
    """The draft StreamField, as JSON, from sections of a data file ({heading, paragraphs})."""
    return json.dumps(
        [
            {
                "type": "section",
                "id": str(uuid.uuid5(NAMESPACE, f"{key}:{s}")),
                "value": {
                    "heading": section["heading"],
                    "paragraphs": [
                        {
                            "type": "item",
                            "id": paragraph_id(key, s + 1, p + 1),
                            "value": {"text": f"<p>{text}</p>"},
                        }
                        for p, text in enumerate(section["paragraphs"])
                    ],
                },
            }
            for s, section in enumerate(sections)
        ]
    )


def read_draft(key: str, language: str = "ar") -> list[dict]:
    """The sections of the draft of a demo consultation (the benchmark reuses the charter's)."""
    name = next(name for name, code in FILES if code == language)
    return read(__file__, name)[key]["draft"]


def load(context: dict) -> dict:
    today, pages = context["today"], context["pages"]

    def fields(key: str, spec: dict) -> dict:
        values = dict(spec)
        for name in ("opens", "closes"):
            if name in values:
                values[f"{name}_at"] = moment(values.pop(name), today)
        if "draft" in values:
            values["draft"] = draft(key, values["draft"])
        if "questions" in values:
            values["questions"] = json.dumps(
                [{"type": "question", "value": text} for text in values["questions"]]
            )
        if "related" in values:
            values["related_page"] = next(iter(pages[values.pop("related")].values()))
        return values

    for name, language in FILES:
        pagetree.build(pages, language, read(__file__, name), types=TYPES, fields=fields)
    _Comments(context).load(read(__file__, "comments"))
    return {"pages": pages}


class _Comments:
    def __init__(self, context: dict):
        self.today, self.pages = context["today"], context["pages"]
        self.users, self.organisations = context["users"], context["organisations"]
        # Data files date comments from `today`; the services stamp them with the real time.
        self.shift = self.today - timezone.localdate()

    def load(self, data: dict) -> None:
        for page_key, comments in data.items():
            versions = list(self.pages[page_key].values())
            page = versions[0]
            made = {}
            with _window(versions, open_now=True):
                for key, spec in comments.items():
                    made[key] = self._post(page_key, page, spec, made)
                for key, spec in comments.items():
                    for report in spec.get("reports", []):
                        services.report_comment(
                            user=self.users[report["by"]],
                            comment=made[key],
                            reason=report["reason"],
                            note=report.get("note", ""),
                        )
            answers = {key: spec["answer"] for key, spec in comments.items() if "answer" in spec}
            if answers:
                with _window(versions, open_now=False):
                    for key, answer in answers.items():
                        self._answer(page, made[key], answer)

    def _post(self, page_key: str, page, spec: dict, made: dict) -> Comment:
        on = spec.get("on")
        organisation = spec.get("organisation")
        comment = services.post_comment(
            user=self.users[spec["author"]],
            page=page,
            body=spec["body"],
            paragraph=paragraph_id(page_key, *map(int, on.split("."))) if on else "",
            parent=made[spec["reply_to"]] if "reply_to" in spec else None,
            organisation=next(iter(self.organisations[organisation].values()))
            if organisation
            else None,
            language=spec.get("language", page.locale.language_code),
        )
        posted = moment(spec["posted"], self.today) if "posted" in spec else None
        Comment.objects.filter(pk=comment.pk).update(
            created_at=posted or timezone.now() + self.shift
        )
        return comment

    def _answer(self, page, comment: Comment, answer: dict) -> None:
        comment.target_page = page
        language = answer.get("language", comment.language)
        for user, publish in [(answer["drafted_by"], False), (answer.get("published_by"), True)]:
            if user:
                services.save_response(
                    user=self.users[user],
                    comment=comment,
                    outcome=answer["outcome"],
                    justification=answer["text"],
                    publish=publish,
                    language=language,
                )
        if "published" in answer:
            CommentResponse.objects.filter(comment=comment).update(
                published_at=moment(answer["published"], self.today)
            )


@contextmanager
def _window(versions: list, *, open_now: bool):
    """Within the block, a consultation is open (or closed) now, as posting comments (or
    answering them) requires; afterwards it has its own window again. Pages without a window
    (commitments) are left alone."""
    page, now = versions[0], timezone.now()
    if not hasattr(page, "opens_at"):
        ready = True
    elif open_now:
        ready = page.opens_at <= now < page.closes_at
    else:
        ready = page.closes_at <= now
    if ready:
        yield
        return
    windows = [(version.opens_at, version.closes_at) for version in versions]
    if open_now:
        opens, closes = now - timedelta(hours=1), now + timedelta(hours=1)
    else:
        opens, closes = now - timedelta(hours=2), now - timedelta(seconds=1)
    for version in versions:
        pagetree.republish(version, opens_at=opens, closes_at=closes)
    yield
    for version, (opens, closes) in zip(versions, windows, strict=True):
        pagetree.republish(version, opens_at=opens, closes_at=closes)
