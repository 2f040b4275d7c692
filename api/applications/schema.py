"""Queries and mutations of applications: submit with documents, review, fix and resubmit, withdraw."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from api.applications import service
from api.applications.checks import CompanyDetails
from api.applications.documents import UploadedDocument, sniff_document
from api.applications.models import Application, ApplicationStatus, Document, DocumentKind
from api.applications.own_phones import own_phones
from api.applications.types import (
    ApplicationConnection,
    ApplicationType,
    CompanyInput,
    DocumentsInput,
)
from api.errors import UserError, UserErrors
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors
from api.graphql.errors import UserErrors as UserErrorsType
from api.graphql.ids import parse_id
from api.graphql.ordering import Ordering, SortKey, ordered_page
from api.graphql.permissions import IsCustomer, IsOperator, IsSignedIn
from api.graphql.uploads import read_upload
from api.numbers.models import Number
from api.storage import object_store
from api.visible import find_visible, visible_application

ApplicationResult = Annotated[ApplicationType | UserErrorsType, strawberry.union("ApplicationResult")]

_KIND_FIELDS = {
    DocumentKind.BUSINESS_LICENCE: ("business_licence", "businessLicence"),
    DocumentKind.LEGAL_REP_ID_FRONT: ("legal_rep_id_front", "legalRepIdFront"),
    DocumentKind.LEGAL_REP_ID_BACK: ("legal_rep_id_back", "legalRepIdBack"),
    DocumentKind.APPLICATION_FORM: ("application_form", "applicationForm"),
    DocumentKind.NETWORK_ACCESS_AGREEMENT: ("network_access_agreement", "networkAccessAgreement"),
}


async def _typed(rows: list[Application]) -> list[ApplicationType]:
    if not rows:
        return []
    ids = [r.id for r in rows]
    numbers = dict(await Number.filter(id__in={r.number_id for r in rows}).values_list("id", "number"))
    docs: dict[int, list[Document]] = {i: [] for i in ids}
    for doc in await Document.filter(application_id__in=ids).order_by("id"):
        docs[doc.application_id].append(doc)
    return [ApplicationType.of(r, numbers[r.number_id], docs[r.id]) for r in rows]


async def _read_documents(
    info: Info, documents: DocumentsInput | None
) -> dict[DocumentKind, UploadedDocument]:
    """Read and check every upload before anything is written; all problems are reported together."""
    limit = info.context.config.upload_max_bytes
    found: dict[DocumentKind, UploadedDocument] = {}
    errors: list[UserError] = []
    for kind, (attr, field) in _KIND_FIELDS.items():
        upload: Any = getattr(documents, attr, None) if documents else None
        if upload is None:
            continue
        try:
            filename, data = await read_upload(upload, field, limit + 1)
            found[kind] = sniff_document(field, filename or f"{kind.value}", data, limit)
        except UserError as exc:
            errors.append(exc)
    if errors:
        raise UserErrors(errors)
    return found


def _details(company: CompanyInput) -> CompanyDetails:
    return CompanyDetails(
        company_name=company.company_name,
        credit_code=company.credit_code,
        legal_rep_name=company.legal_rep_name,
        contact_name=company.contact_name,
        contact_phone=company.contact_phone,
        bound_numbers=list(company.bound_numbers),
    )


APPLICATION_ORDERS = Ordering({"submittedAt": SortKey("submitted_at", "datetime")}, time="submittedAt")


@strawberry.type
class Query:
    @strawberry.field(
        description="Applications the viewer may see (customers: their account's).",
        permission_classes=[IsSignedIn],
    )
    async def applications(
        self,
        info: Info,
        status: ApplicationStatus | None = None,
        first: int = 50,
        after: str | None = None,
        order: Annotated[
            str | None,
            strawberry.argument(
                description="submittedAt (oldest first, the default) or -submittedAt (newest first)."
            ),
        ] = None,
    ) -> ApplicationConnection:
        query = Application.filter(**info.context.tenant_filter())
        if status is not None:
            query = query.filter(status=status)
        return await ordered_page(
            ApplicationConnection,
            query,
            first=first,
            after=after,
            order=APPLICATION_ORDERS.choose(order),
            secret=info.context.config.secret_key,
            nodes=_typed,
        )

    @strawberry.field(permission_classes=[IsSignedIn])
    async def application(self, info: Info, id: strawberry.ID) -> ApplicationType | None:
        row = await find_visible(info, Application, id, "id")
        return (await _typed([row]))[0] if row else None

    @strawberry.field(
        description="Customers: their own phones (bound, contact and notice phones, national form), which "
        "lists of callers show in full.",
        permission_classes=[IsCustomer],
    )
    async def own_phones(self, info: Info) -> list[str]:
        return await own_phones(info.context.account_id)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Apply for a reserved number with company details and document scans.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def submit_application(
        self, info: Info, reservation_id: strawberry.ID, company: CompanyInput, documents: DocumentsInput
    ) -> ApplicationResult:
        app = await service.submit_application(
            user=info.context.user,
            reservation_id=parse_id(reservation_id, "reservationId"),
            details=_details(company),
            documents=await _read_documents(info, documents),
            storage=object_store(info.context.config),
        )
        return (await _typed([app]))[0]

    @strawberry.mutation(
        description="Fix a rejected application: new details and any replaced scans.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def resubmit_application(
        self,
        info: Info,
        application_id: strawberry.ID,
        company: CompanyInput,
        documents: DocumentsInput | None = None,
    ) -> ApplicationResult:
        app = await service.resubmit_application(
            user=info.context.user,
            application=await visible_application(info, application_id),
            details=_details(company),
            documents=await _read_documents(info, documents),
            storage=object_store(info.context.config),
        )
        return (await _typed([app]))[0]

    @strawberry.mutation(
        description="The customer withdraws; the number returns to the inventory.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsCustomer],
    )
    async def withdraw_application(self, info: Info, application_id: strawberry.ID) -> ApplicationResult:
        app = await service.withdraw_application(
            await visible_application(info, application_id), info.context.user
        )
        return (await _typed([app]))[0]

    @strawberry.mutation(
        description="Operators: contract signed; the number becomes active on the account.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def approve_application(self, info: Info, application_id: strawberry.ID) -> ApplicationResult:
        app = await service.approve_application(
            await visible_application(info, application_id), info.context.user
        )
        return (await _typed([app]))[0]

    @strawberry.mutation(
        description="Operators: reject with a reason the customer sees.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def reject_application(
        self, info: Info, application_id: strawberry.ID, reason: str
    ) -> ApplicationResult:
        app = await service.reject_application(
            await visible_application(info, application_id), info.context.user, reason
        )
        return (await _typed([app]))[0]
