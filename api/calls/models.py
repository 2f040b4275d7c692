"""Call records: one row per call the telephony layer reported, with what it cost."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account
from api.numbers.models import Number


@strawberry.enum(name="CallDisposition")
class Disposition(StrEnum):
    ANSWERED = "answered"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    REFUSED_LIST = "refused_list"
    REFUSED_AREA = "refused_area"
    REFUSED_CATEGORY = "refused_category"
    VOICEMAIL = "voicemail"
    SUSPENDED = "suspended"
    FAILED = "failed"


DISPOSITION_NAMES_ZH = {
    Disposition.ANSWERED: "已接听",
    Disposition.BUSY: "忙",
    Disposition.NO_ANSWER: "无应答",
    Disposition.REFUSED_LIST: "黑白名单拒接",
    Disposition.REFUSED_AREA: "地区拒接",
    Disposition.REFUSED_CATEGORY: "号码类型拒接",
    Disposition.VOICEMAIL: "语音留言",
    Disposition.SUSPENDED: "停机",
    Disposition.FAILED: "失败",
}

#: Unanswered calls a customer may want to call back (漏话).
MISSED = (Disposition.BUSY, Disposition.NO_ANSWER, Disposition.VOICEMAIL)


class CallRecord(Model):
    """A reported call; never updated. ``report_sha256`` tells a retry from a different report."""

    id = fields.IntField(primary_key=True)
    call_id = fields.CharField(max_length=64, unique=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="call_records", on_delete=fields.RESTRICT
    )
    account_id: int
    number: fields.ForeignKeyRelation[Number] = fields.ForeignKeyField(
        "models.Number", related_name="call_records", on_delete=fields.RESTRICT
    )
    number_id: int
    number_text = fields.CharField(max_length=10)
    caller = fields.CharField(max_length=32)
    caller_area = fields.CharField(max_length=16, default="")
    caller_province = fields.CharField(max_length=16, default="")
    caller_category = fields.CharField(max_length=16, default="")
    started_at = fields.DatetimeField()
    answered_at = fields.DatetimeField(null=True)
    ended_at = fields.DatetimeField()
    disposition = fields.CharEnumField(Disposition, max_length=20)
    attempts: list[dict[str, Any]] = fields.JSONField(default=list)
    answered_phone = fields.CharField(max_length=20, default="")
    media_ref = fields.CharField(max_length=100, default="", description="recording or voicemail")
    talk_seconds = fields.IntField(default=0)
    billed_seconds = fields.IntField(default=0)
    charge_fen = fields.BigIntField(default=0)
    report_sha256 = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()

    class Meta:
        table = "call_records"
        indexes = (
            ("account_id", "started_at"),
            ("number_id", "started_at"),
            ("account_id", "created_at"),
            # Call records sorted by talk time or charge (keyset pages, see api/graphql/ordering.py).
            ("account_id", "talk_seconds"),
            ("account_id", "charge_fen"),
        )
