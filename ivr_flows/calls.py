"""A simulated call: who calls, when, which keys they press, how each bound phone behaves.

Plain input data for :func:`ivr_flows.simulate` and for flow test cases. Phone behaviour follows R10 as
the provider FAQ explains it: a busy *landline* fails at once, while a busy or switched-off *mobile* gives a
waiting signal, so the platform lets the full wait time pass before trying the next number.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .policies import CallerCategory

__all__ = ["DEFAULT_TIME", "CallSpec", "HttpReply", "PhoneBehaviour", "Press"]

#: A Monday morning, so that tests without a time are deterministic.
DEFAULT_TIME = dt.datetime(2026, 3, 2, 10, 0)

_FROZEN = ConfigDict(extra="forbid", frozen=True)


class Press(BaseModel):
    """One menu attempt: a key pressed ``after_s`` seconds into the prompt, or no key (``key`` null)."""

    model_config = _FROZEN
    key: str | None = Field(default=None, pattern=r"^[0-9*#]$")
    after_s: float = Field(default=1.0, ge=0, le=600)


class PhoneBehaviour(BaseModel):
    """How a bound phone reacts when rung."""

    model_config = _FROZEN
    state: Literal["answer", "busy", "no_answer", "unreachable", "switched_off"] = "no_answer"
    answer_after_s: float = Field(default=5.0, ge=0, le=600)
    talk_s: float = Field(default=60.0, ge=0, le=36000)


class HttpReply(BaseModel):
    """What the customer's system answers an HTTP request node in a simulated call: ``success`` with a
    JSON ``body`` (the node's result paths are read from it), ``failure`` or ``timeout``."""

    model_config = _FROZEN
    outcome: Literal["success", "failure", "timeout"] = "success"
    body: Any = None


class CallSpec(BaseModel):
    """The call to simulate. ``at`` is local time in Asia/Shanghai (aware datetimes are converted)."""

    model_config = _FROZEN
    caller: str = Field(default="13812345678", max_length=40)
    category: CallerCategory = "mobile"
    at: dt.datetime = DEFAULT_TIME
    digits: list[Press] = Field(default_factory=list, max_length=100)
    phones: dict[str, PhoneBehaviour] = Field(default_factory=dict)
    active_calls: int = Field(default=0, ge=0, description="calls already in progress on the number (R12)")
    message_s: float = Field(default=20.0, ge=0, le=3600, description="length of a voicemail message left")
    #: Percentage splits are drawn per call; a simulated call names its branches instead, so a test pins
    #: one path. Splits reached beyond the list (or naming a branch the split lacks) are drawn from
    #: ``split_seed``, and the trace says so.
    split: list[Annotated[int, Field(ge=1, le=10)]] = Field(
        default_factory=list,
        max_length=100,
        description="branch (from 1) taken at each percentage split reached, in order",
    )
    split_seed: int = Field(default=0, ge=0, description="seeds the draws of splits the call does not name")
    #: The customer system's answer per HTTP request node id; a node not named here fails.
    http: dict[str, HttpReply] = Field(default_factory=dict, max_length=50)
    max_steps: int = Field(default=200, ge=1, le=10000)

    @field_validator("digits", mode="before")
    @classmethod
    def _digit_string(cls, value: Any) -> Any:
        """Accept ``"12"`` as shorthand (``-`` stands for letting the menu time out)."""
        if isinstance(value, str):
            return [{"key": None if ch == "-" else ch} for ch in value]
        return value
