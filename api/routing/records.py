"""A number's routing settings row: read with the defaults, created on the first change; its lines (R12)."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from api.clock import utcnow
from api.numbers.models import Number
from api.routing.models import LinePackage, ListMode, NumberRouting
from ivr_flows import ALLOWED_CATEGORIES

__all__ = ["SWITCHBOARD_LINES", "current_routing", "max_lines", "routing_of"]

#: R12: a 总机 package has 10 simultaneous lines plus the extra lines bought (30 yuan/year each).
SWITCHBOARD_LINES = 10


def max_lines(routing: NumberRouting) -> int | None:
    """Simultaneous calls the number may take; None for a 中继 (trunk) package, which is unlimited."""
    if routing.package == LinePackage.TRUNK:
        return None
    return SWITCHBOARD_LINES + routing.extra_lines


async def routing_of(number: Number, using: BaseDBAsyncClient | None = None) -> NumberRouting:
    """The number's settings row, created with the defaults (R9 categories, no lists, 总机) if missing."""
    try:
        routing, _ = await NumberRouting.get_or_create(
            number_id=number.id,
            defaults={"allowed_categories": list(ALLOWED_CATEGORIES), "updated_at": utcnow()},
            using_db=using,
        )
    except IntegrityError:  # a concurrent first change created it
        routing = await NumberRouting.get(number_id=number.id, using_db=using)
    return routing


async def current_routing(number: Number) -> NumberRouting:
    """The number's settings for reading: the saved row, or the defaults without writing anything."""
    routing = await NumberRouting.filter(number_id=number.id).first()
    if routing is None:
        routing = NumberRouting(
            number_id=number.id,
            allowed_categories=list(ALLOWED_CATEGORIES),
            list_mode=ListMode.OFF,
            list_entries=[],
            allowed_areas=[],
            refused_areas=[],
            package=LinePackage.SWITCHBOARD,
            extra_lines=0,
            updated_at=utcnow(),
        )
    return routing
