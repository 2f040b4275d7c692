"""Tortoise ORM configuration: one place that lists the model modules and builds the connection config."""

from __future__ import annotations

from typing import Any

from api.config import load_config

__all__ = ["MODEL_MODULES", "tortoise_config"]

MODEL_MODULES = [
    "api.accounts.models",
    "api.numbers.models",
    "api.reservations.models",
    "api.applications.models",
    "api.flows.models",
    "api.routing.models",
    "api.billing.models",
    "api.media.models",
    "api.recordings.models",
    "api.calls.models",
    "api.notify.models",
    "api.statements.models",
    "api.claims.models",
    "api.signups.models",
    "api.outbound.models",
    "aerich.models",
]


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": database_url},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def __getattr__(name: str) -> Any:
    # aerich's CLI reads ``api.db.TORTOISE_ORM``; computed lazily so importing this module has no side effects.
    if name == "TORTOISE_ORM":
        return tortoise_config(load_config().database_url)
    raise AttributeError(name)
