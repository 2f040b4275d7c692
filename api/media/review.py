"""Ringback review (R16): an operator approves healthy, lawful content or rejects it with a reason."""

from __future__ import annotations

from api.accounts.models import User
from api.clock import utcnow
from api.errors import UserError
from api.media.models import MediaItem, MediaKind, ReviewStatus

__all__ = ["approve_ringback", "reject_ringback"]


async def _review(item: MediaItem, operator: User, status: ReviewStatus, reason: str | None) -> MediaItem:
    if item.kind != MediaKind.RINGBACK:
        raise UserError("not_ringback", "只有彩铃需要审核", "id")
    now = utcnow()
    updated = await MediaItem.filter(
        id=item.id, review_status=ReviewStatus.PENDING, deleted_at__isnull=True
    ).update(
        review_status=status,
        reject_reason=reason,
        reviewed_by_id=operator.id,
        reviewed_at=now,
        updated_at=now,
    )
    if updated != 1:
        raise UserError("not_pending", "该彩铃不在待审核状态", "id")
    await item.refresh_from_db()
    return item


async def approve_ringback(item: MediaItem, operator: User) -> MediaItem:
    """The tone may now be played in published flows."""
    return await _review(item, operator, ReviewStatus.APPROVED, None)


async def reject_ringback(item: MediaItem, operator: User, reason: str) -> MediaItem:
    """The customer sees ``reason``; the fee stays charged (it pays for the review)."""
    reason = reason.strip()
    if not reason:
        raise UserError("required", "请填写驳回原因,客户将看到此原因", "reason")
    if len(reason) > 500:
        raise UserError("too_long", "驳回原因不能超过500个字", "reason")
    return await _review(item, operator, ReviewStatus.REJECTED, reason)
