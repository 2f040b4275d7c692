"""A customer's application for a reserved number and the documents it carries (R3)."""

from __future__ import annotations

from enum import StrEnum

import strawberry
from tortoise import fields
from tortoise.models import Model

from api.accounts.models import Account, User
from api.numbers.models import Number
from api.reservations.models import Reservation


@strawberry.enum(name="ApplicationStatus")
class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@strawberry.enum(name="DocumentKind")
class DocumentKind(StrEnum):
    BUSINESS_LICENCE = "business_licence"
    LEGAL_REP_ID_FRONT = "legal_rep_id_front"
    LEGAL_REP_ID_BACK = "legal_rep_id_back"
    APPLICATION_FORM = "application_form"
    NETWORK_ACCESS_AGREEMENT = "network_access_agreement"


class Application(Model):
    id = fields.IntField(primary_key=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="applications", on_delete=fields.CASCADE
    )
    account_id: int
    number: fields.ForeignKeyRelation[Number] = fields.ForeignKeyField(
        "models.Number", related_name="applications", on_delete=fields.CASCADE
    )
    number_id: int
    reservation: fields.ForeignKeyRelation[Reservation] = fields.ForeignKeyField(
        "models.Reservation", related_name="applications", on_delete=fields.CASCADE
    )
    reservation_id: int
    status = fields.CharEnumField(ApplicationStatus, max_length=16, db_index=True)
    company_name = fields.CharField(max_length=200)
    credit_code = fields.CharField(max_length=18)
    legal_rep_name = fields.CharField(max_length=50)
    contact_name = fields.CharField(max_length=50)
    contact_phone = fields.CharField(max_length=20)
    bound_numbers: list[str] = fields.JSONField(default=list)
    reject_reason = fields.CharField(max_length=500, null=True)
    reviewed_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reviewed_applications", null=True, on_delete=fields.SET_NULL
    )
    reviewed_by_id: int | None
    reviewed_at = fields.DatetimeField(null=True)
    submitted_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "applications"
        indexes = (("account_id",), ("number_id",), ("account_id", "submitted_at"))


class Document(Model):
    """A stored scan; the bytes live under the data directory, the row keeps path and checksum."""

    id = fields.IntField(primary_key=True)
    application: fields.ForeignKeyRelation[Application] = fields.ForeignKeyField(
        "models.Application", related_name="documents", on_delete=fields.CASCADE
    )
    application_id: int
    kind = fields.CharEnumField(DocumentKind, max_length=32)
    filename = fields.CharField(max_length=200)
    content_type = fields.CharField(max_length=50)
    size_bytes = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    path = fields.CharField(max_length=300)
    created_at = fields.DatetimeField(auto_now_add=True)
    replaced_at = fields.DatetimeField(null=True)

    class Meta:
        table = "documents"
        indexes = (("application_id",),)
