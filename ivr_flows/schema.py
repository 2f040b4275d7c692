"""The published JSON Schema of flow documents, which the web editor uses to build its node forms."""

from __future__ import annotations

from typing import Any

from .model import FORMAT_VERSION, Flow

__all__ = ["flow_json_schema"]

SCHEMA_ID = "https://hotline400.example/schemas/flow-v1.json"


def flow_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for a flow document of format version 1; deterministic."""
    schema = Flow.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = f"IVR flow (format_version {FORMAT_VERSION})"
    return schema
