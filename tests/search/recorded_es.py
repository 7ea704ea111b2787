"""A recorded Elasticsearch transport for tests: a node class for elastic_transport that keeps
every request the real client would send and answers like a cluster would, without a server.
Everything above the transport (the Elasticsearch client, its serialisers, the bulk helper and
Wagtail's backend) is the real code."""

import json
import re
from dataclasses import dataclass

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse


@dataclass
class RecordedRequest:
    method: str
    path: str
    body: object

    def json_lines(self) -> list:
        return self.body if isinstance(self.body, list) else [self.body]


class RecordingNode(BaseNode):
    requests: list[RecordedRequest] = []
    search_hits: list[dict] = []  # what the next searches answer

    @classmethod
    def reset(cls, hits=()):
        cls.requests = []
        cls.search_hits = list(hits)

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        path = target.split("?", 1)[0]
        decoded = _decode(body)
        RecordingNode.requests.append(RecordedRequest(method, path, decoded))
        status, answer = _answer(method, path, decoded)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(
                {"content-type": "application/json", "x-elastic-product": "Elasticsearch"}
            ),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, b"" if method == "HEAD" else json.dumps(answer).encode())


def _decode(body):
    if not body:
        return None
    text = body.decode()
    try:
        return json.loads(text)
    except json.JSONDecodeError:  # newline-delimited JSON (bulk)
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def _answer(method, path, body):
    if path.endswith("/_bulk"):
        actions = [line for line in body if set(line) & {"index", "create", "delete", "update"}]
        items = [
            {kind: {"_id": spec.get("_id"), "status": 201, "result": "created"}}
            for action in actions
            for kind, spec in action.items()
        ]
        return 200, {"took": 1, "errors": False, "items": items}
    if path.endswith("/_search"):
        hits = RecordingNode.search_hits
        return 200, {
            "took": 1,
            "timed_out": False,
            "hits": {"total": {"value": len(hits), "relation": "eq"}, "hits": hits},
        }
    if path.endswith("/_count"):
        return 200, {"count": len(RecordingNode.search_hits)}
    if re.search(r"/_alias(es)?(/|$)", path) and method in ("HEAD", "GET"):
        return 404, {"error": "alias missing", "status": 404}
    if method == "DELETE":
        return 404, {"error": {"type": "index_not_found_exception"}, "status": 404}
    return 200, {"acknowledged": True, "result": "created", "_id": "1"}


def recorded_backend_settings(**extra) -> dict:
    return {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://elasticsearch.test:9200"],
        "INDEX_PREFIX": "mosharaka_",
        "OPTIONS": {"node_class": RecordingNode},
        **extra,
    }
