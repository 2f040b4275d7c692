"""Routing settings of a number, and the compiled plan the telephony layer fetches."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.flows.models import FlowVersion
from api.numbers.models import Number


@strawberry.enum(name="LinePackage")
class LinePackage(StrEnum):
    """R12: 总机 (switchboard) has 10 lines plus extra lines bought; 中继 (trunk) is unlimited."""

    SWITCHBOARD = "switchboard"
    TRUNK = "trunk"


@strawberry.enum(name="CallerListMode")
class ListMode(StrEnum):
    OFF = "off"
    BLACK = "black"
    WHITE = "white"


class NumberRouting(Model):
    """The number-level policies and the published flow version a number runs."""

    id = fields.IntField(primary_key=True)
    number: fields.OneToOneRelation[Number] = fields.OneToOneField(
        "models.Number", related_name="routing", on_delete=fields.CASCADE
    )
    number_id: int
    package = fields.CharEnumField(LinePackage, max_length=16, default=LinePackage.SWITCHBOARD)
    extra_lines = fields.IntField(default=0)
    allowed_categories: list[str] = fields.JSONField(default=list)
    list_mode = fields.CharEnumField(ListMode, max_length=8, default=ListMode.OFF)
    list_entries: list[str] = fields.JSONField(default=list)
    allowed_areas: list[str] = fields.JSONField(default=list)
    refused_areas: list[str] = fields.JSONField(default=list)
    flow_version: fields.ForeignKeyNullableRelation[FlowVersion] = fields.ForeignKeyField(
        "models.FlowVersion", related_name="numbers", null=True, on_delete=fields.RESTRICT
    )
    flow_version_id: int | None
    simple: dict[str, Any] | None = fields.JSONField(
        null=True, description="the simple routing form last saved, if any"
    )
    updated_at = fields.DatetimeField()

    class Meta:
        table = "number_routing"


class LineYear(Model):
    """R12: the extra 总机 lines of a number paid for the current line year, and when that year ends."""

    number: fields.OneToOneRelation[Number] = fields.OneToOneField(
        "models.Number", related_name="line_year", on_delete=fields.CASCADE, primary_key=True
    )
    number_id: int
    paid_lines = fields.IntField(default=0)
    paid_until = fields.DatetimeField(db_index=True)

    class Meta:
        table = "line_years"


class PlanChange(Model):
    """One change of a number's compiled plan; the id is the plan version the telephony layer syncs on."""

    id = fields.BigIntField(primary_key=True)
    number_id = fields.IntField(db_index=True)
    at = fields.DatetimeField()

    class Meta:
        table = "plan_changes"


class CompiledPlan(Model):
    """The current plan of a number as JSON, compiled once (by the publishing pipeline), served many times.

    No Asterisk text is stored: each telephony node renders the JSON with its own options (channel
    template, sounds directory), so a text rendered here with default options would be used by nobody.
    """

    id = fields.IntField(primary_key=True)
    number: fields.OneToOneRelation[Number] = fields.OneToOneField(
        "models.Number", related_name="plan", on_delete=fields.CASCADE
    )
    number_id: int
    version = fields.BigIntField(db_index=True, description="id of the PlanChange that produced it")
    etag = fields.CharField(max_length=80, description="strong ETag, quoted")
    plan_json = fields.TextField()
    compiled_status = fields.CharField(max_length=16, description="the number status it was compiled for")
    updated_at = fields.DatetimeField()

    class Meta:
        table = "compiled_plans"
