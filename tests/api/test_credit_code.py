"""The service checks the unified social credit code exactly as the application form does while typing:
both run the GB 32100-2015 check over the same vectors (web/src/portal/uscc.vectors.json)."""

from __future__ import annotations

import json
from pathlib import Path

from api.applications.checks import valid_credit_code

VECTORS = json.loads(
    (Path(__file__).resolve().parents[2] / "web" / "src" / "portal" / "uscc.vectors.json").read_text()
)


def test_the_service_agrees_with_the_forms_vectors() -> None:
    assert all(valid_credit_code(code) for code in VECTORS["valid"])
    refused = VECTORS["wrongCheck"] + VECTORS["badCharacters"] + VECTORS["wrongLength"]
    assert not any(valid_credit_code(code) for code in refused)
