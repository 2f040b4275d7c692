"""GraphQL types of applications and their documents."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.file_uploads import Upload

from api.applications import models
from api.applications.models import ApplicationStatus, DocumentKind
from api.applications.service import DOCUMENT_NAMES_ZH
from api.clock import to_local
from api.graphql.pagination import Connection
from api.numbers.numbering import format_number


@strawberry.type(name="Document")
class DocumentType:
    id: strawberry.ID
    kind: DocumentKind
    kind_name: str
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    url: str = strawberry.field(
        description="Download link; only the owner's session or an operator may open it."
    )
    replaced: bool = strawberry.field(description="Superseded by a later upload of the same kind.")

    @classmethod
    def of(cls, row: models.Document) -> DocumentType:
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            kind_name=DOCUMENT_NAMES_ZH[row.kind],
            filename=row.filename,
            content_type=row.content_type,
            size_bytes=row.size_bytes,
            sha256=row.sha256,
            url=f"/documents/{row.id}",
            replaced=row.replaced_at is not None,
        )


@strawberry.type(name="Application", description="An application (受理) for a reserved number (R3, R4).")
class ApplicationType:
    id: strawberry.ID
    account_id: strawberry.ID
    number_id: strawberry.ID
    number: str
    display: str
    status: ApplicationStatus
    company_name: str
    credit_code: str
    legal_rep_name: str
    contact_name: str
    contact_phone: str
    bound_numbers: list[str]
    reject_reason: str | None
    submitted_at: dt.datetime
    reviewed_at: dt.datetime | None
    documents: list[DocumentType]

    @classmethod
    def of(cls, row: models.Application, number: str, documents: list[models.Document]) -> ApplicationType:
        return cls(
            id=strawberry.ID(str(row.id)),
            account_id=strawberry.ID(str(row.account_id)),
            number_id=strawberry.ID(str(row.number_id)),
            number=number,
            display=format_number(number),
            status=row.status,
            company_name=row.company_name,
            credit_code=row.credit_code,
            legal_rep_name=row.legal_rep_name,
            contact_name=row.contact_name,
            contact_phone=row.contact_phone,
            bound_numbers=list(row.bound_numbers),
            reject_reason=row.reject_reason,
            submitted_at=to_local(row.submitted_at),
            reviewed_at=to_local(row.reviewed_at) if row.reviewed_at else None,
            documents=[DocumentType.of(d) for d in documents],
        )


@strawberry.type
class ApplicationConnection(Connection[ApplicationType]):
    pass


@strawberry.input
class CompanyInput:
    company_name: str
    credit_code: str = strawberry.field(description="统一社会信用代码 (18 characters).")
    legal_rep_name: str
    contact_name: str
    contact_phone: str = strawberry.field(description="Mainland China mobile or landline (R4).")
    bound_numbers: list[str] = strawberry.field(description="Forward-to numbers, mainland China only (R4).")


@strawberry.input(description="Scans as PDF, JPG or PNG; the agreement only for 4008/4009 numbers (R3).")
class DocumentsInput:
    business_licence: Upload | None = None
    legal_rep_id_front: Upload | None = None
    legal_rep_id_back: Upload | None = None
    application_form: Upload | None = None
    network_access_agreement: Upload | None = None
