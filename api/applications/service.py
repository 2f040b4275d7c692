"""The application life cycle: submit, review (approve or reject), fix and resubmit, withdraw.

Each step moves the number and the reservation in the same transaction as the application, so the
three never disagree (a number is ``applied`` exactly while its application waits for review).
"""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from api.accounts.models import User
from api.applications.checks import CompanyDetails, check_details
from api.applications.documents import StoredFile, UploadedDocument, stage_files
from api.applications.models import Application, ApplicationStatus, Document, DocumentKind
from api.clock import utcnow
from api.errors import UserError, UserErrors
from api.numbers.lifecycle import Actor, change_status
from api.numbers.numbering import Carrier, NumberStatus
from api.reservations.holds import hold_expiry, load_calendar
from api.reservations.models import Reservation, ReservationEnd
from api.storage import ObjectStore

__all__ = [
    "DOCUMENT_NAMES_ZH",
    "approve_application",
    "reject_application",
    "required_documents",
    "resubmit_application",
    "submit_application",
    "withdraw_application",
]

DOCUMENT_NAMES_ZH = {
    DocumentKind.BUSINESS_LICENCE: "营业执照副本(带年检)扫描件",
    DocumentKind.LEGAL_REP_ID_FRONT: "法人身份证正面扫描件",
    DocumentKind.LEGAL_REP_ID_BACK: "法人身份证反面扫描件",
    DocumentKind.APPLICATION_FORM: "400标准受理单",
    DocumentKind.NETWORK_ACCESS_AGREEMENT: "电信400用户入网协议",
}
_FIELD_OF_KIND = {
    DocumentKind.BUSINESS_LICENCE: "businessLicence",
    DocumentKind.LEGAL_REP_ID_FRONT: "legalRepIdFront",
    DocumentKind.LEGAL_REP_ID_BACK: "legalRepIdBack",
    DocumentKind.APPLICATION_FORM: "applicationForm",
    DocumentKind.NETWORK_ACCESS_AGREEMENT: "networkAccessAgreement",
}


def required_documents(carrier: Carrier) -> list[DocumentKind]:
    """R3: the four documents, plus the telecom network-access agreement for 4008/4009 (China Telecom)."""
    kinds: list[DocumentKind] = [k for k in DocumentKind if k != DocumentKind.NETWORK_ACCESS_AGREEMENT]
    if carrier == Carrier.TELECOM:
        kinds.append(DocumentKind.NETWORK_ACCESS_AGREEMENT)
    return kinds


def _check_documents(
    documents: dict[DocumentKind, UploadedDocument], carrier: Carrier, *, all_required: bool
) -> list[UserError]:
    errors: list[UserError] = []
    needed = required_documents(carrier)
    for kind in needed:
        if all_required and kind not in documents:
            errors.append(
                UserError("missing_document", f"请上传{DOCUMENT_NAMES_ZH[kind]}", _FIELD_OF_KIND[kind])
            )
    for kind in documents:
        if kind not in needed:
            errors.append(
                UserError(
                    "document_not_needed",
                    "入网协议仅电信4008、4009号码需要,本号码无需上传",
                    _FIELD_OF_KIND[kind],
                )
            )
    return errors


async def _save_documents(
    conn: BaseDBAsyncClient,
    application: Application,
    stored: list[tuple[DocumentKind, StoredFile]],
    replace: bool,
) -> None:
    now = utcnow()
    for kind, item in stored:
        doc = item.document
        if replace:
            await (
                Document.filter(application_id=application.id, kind=kind, replaced_at__isnull=True)
                .using_db(conn)
                .update(replaced_at=now)
            )
        await Document.create(
            application=application,
            kind=kind,
            filename=doc.filename[:200],
            content_type=doc.content_type,
            size_bytes=len(doc.data),
            sha256=doc.sha256,
            path=item.relative_path,
            using_db=conn,
        )


async def submit_application(
    *,
    user: User,
    reservation_id: int,
    details: CompanyDetails,
    documents: dict[DocumentKind, UploadedDocument],
    storage: ObjectStore,
) -> Application:
    account_id = user.account_id
    reservation = (
        await Reservation.filter(id=reservation_id, account_id=account_id, ended_at__isnull=True)
        .select_related("number")
        .first()
    )
    if reservation is None:
        raise UserError("not_found", "未找到有效的预占记录,请先预占号码", "reservationId")
    cleaned, errors = check_details(details)
    errors += _check_documents(documents, reservation.number.carrier, all_required=True)
    if errors:
        raise UserErrors(errors)
    now = utcnow()
    async with (
        stage_files(storage, f"account-{account_id}", list(documents.values())) as stored,
        in_transaction() as conn,
    ):
        moved = await change_status(
            reservation.number_id,
            from_status=NumberStatus.RESERVED,
            to_status=NumberStatus.APPLIED,
            actor=Actor(user),
            reason="提交开通申请",
            using=conn,
            expect_account_id=account_id,
            now=now,
        )
        if not moved:
            raise UserError(
                "not_reserved", "该号码已不在预占状态(预占可能已过期),无法提交申请", "reservationId"
            )
        application = await Application.create(
            account_id=account_id,
            number_id=reservation.number_id,
            reservation=reservation,
            status=ApplicationStatus.SUBMITTED,
            submitted_at=now,
            updated_at=now,
            using_db=conn,
            **vars(cleaned),
        )
        await _save_documents(conn, application, list(zip(documents, stored, strict=True)), replace=False)
    return application


async def resubmit_application(
    *,
    user: User,
    application: Application,
    details: CompanyDetails,
    documents: dict[DocumentKind, UploadedDocument],
    storage: ObjectStore,
) -> Application:
    """A rejected application, fixed: new details and any replaced documents, back to review."""
    if application.status != ApplicationStatus.REJECTED:
        raise UserError("not_rejected", "只有被驳回的申请可以修改后重新提交", "applicationId")
    number = await application.number
    cleaned, errors = check_details(details)
    errors += _check_documents(documents, number.carrier, all_required=False)
    if errors:
        raise UserErrors(errors)
    now = utcnow()
    async with (
        stage_files(storage, f"account-{application.account_id}", list(documents.values())) as stored,
        in_transaction() as conn,
    ):
        moved = await change_status(
            application.number_id,
            from_status=NumberStatus.RESERVED,
            to_status=NumberStatus.APPLIED,
            actor=Actor(user),
            reason="修改后重新提交申请",
            using=conn,
            expect_account_id=application.account_id,
            now=now,
        )
        updated = await (
            Application.filter(id=application.id, status=ApplicationStatus.REJECTED)
            .using_db(conn)
            .update(status=ApplicationStatus.SUBMITTED, reject_reason=None, updated_at=now, **vars(cleaned))
        )
        if not moved or updated != 1:
            raise UserError("not_reserved", "预占已过期或申请状态已变化,无法重新提交", "applicationId")
        await _save_documents(conn, application, list(zip(documents, stored, strict=True)), replace=True)
    await application.refresh_from_db()
    return application


async def _review(application: Application, operator: User, *, approve: bool, reason: str) -> Application:
    now = utcnow()
    async with in_transaction() as conn:
        updated = await (
            Application.filter(id=application.id, status=ApplicationStatus.SUBMITTED)
            .using_db(conn)
            .update(
                status=ApplicationStatus.APPROVED if approve else ApplicationStatus.REJECTED,
                reject_reason=None if approve else reason,
                reviewed_by_id=operator.id,
                reviewed_at=now,
                updated_at=now,
            )
        )
        if updated != 1:
            raise UserError("not_pending", "该申请不在待审核状态", "applicationId")
        moved = await change_status(
            application.number_id,
            from_status=NumberStatus.APPLIED,
            to_status=NumberStatus.ACTIVE if approve else NumberStatus.RESERVED,
            actor=Actor(operator),
            reason="审核通过,已签约开通" if approve else f"申请被驳回:{reason}",
            using=conn,
            expect_account_id=application.account_id,
            now=now,
        )
        if not moved:
            raise UserError("number_changed", "号码状态已变化,无法审核", "applicationId")
        if approve:
            await (
                Reservation.filter(id=application.reservation_id, ended_at__isnull=True)
                .using_db(conn)
                .update(ended_at=now, end_reason=ReservationEnd.CONTRACTED)
            )
        else:
            # The customer gets a fresh two-working-day hold to fix the application.
            await (
                Reservation.filter(id=application.reservation_id)
                .using_db(conn)
                .update(expires_at=hold_expiry(now, await load_calendar()))
            )
    await application.refresh_from_db()
    return application


async def approve_application(application: Application, operator: User) -> Application:
    return await _review(application, operator, approve=True, reason="")


async def reject_application(application: Application, operator: User, reason: str) -> Application:
    reason = reason.strip()
    if not reason:
        raise UserError("required", "请填写驳回原因,客户将看到此原因", "reason")
    if len(reason) > 500:
        raise UserError("too_long", "驳回原因不能超过500个字", "reason")
    return await _review(application, operator, approve=False, reason=reason)


async def withdraw_application(application: Application, user: User) -> Application:
    """The customer gives up: the application ends and the number returns to the inventory."""
    if application.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED):
        raise UserError("not_withdrawable", "该申请已结束,无法撤回", "applicationId")
    now = utcnow()
    async with in_transaction() as conn:
        updated = await (
            Application.filter(id=application.id, status=application.status)
            .using_db(conn)
            .update(status=ApplicationStatus.WITHDRAWN, updated_at=now)
        )
        moved = await change_status(
            application.number_id,
            from_status=(NumberStatus.APPLIED, NumberStatus.RESERVED),
            to_status=NumberStatus.AVAILABLE,
            actor=Actor(user),
            reason="客户撤回申请",
            using=conn,
            expect_account_id=application.account_id,
            now=now,
            account_id=None,
        )
        if updated != 1:
            raise UserError("not_withdrawable", "该申请状态已变化,无法撤回", "applicationId")
        if moved:
            await (
                Reservation.filter(id=application.reservation_id, ended_at__isnull=True)
                .using_db(conn)
                .update(ended_at=now, end_reason=ReservationEnd.RELEASED)
            )
    await application.refresh_from_db()
    return application
