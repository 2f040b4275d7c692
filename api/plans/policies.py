"""A number's policies as the compiler takes them: status, categories, list, areas, lines, calendar."""

from __future__ import annotations

import ivr_flows
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.plans.context import holiday_calendar
from api.routing.models import ListMode, NumberRouting
from api.routing.records import current_routing, max_lines
from ivr_flows import AreaPolicy, CalendarDay, CallerListPolicy

__all__ = ["SERVED", "number_policies", "policies_of"]

#: Statuses whose number has a plan (suspended and reclaimed numbers tell callers so).
SERVED = {NumberStatus.ACTIVE, NumberStatus.SUSPENDED, NumberStatus.RECLAIMED}


def policies_of(
    number: Number, routing: NumberRouting, calendar: list[CalendarDay]
) -> ivr_flows.NumberPolicies:
    """The policies of ``number`` with these settings and the operator's holiday table."""
    status = number.status.value if number.status in SERVED else "active"
    return ivr_flows.NumberPolicies(
        status=status,
        allowed_categories=routing.allowed_categories,
        caller_list=CallerListPolicy(
            mode=routing.list_mode.value if isinstance(routing.list_mode, ListMode) else routing.list_mode,
            entries=routing.list_entries,
        ),
        areas=AreaPolicy(allowed=routing.allowed_areas, refused=routing.refused_areas),
        max_lines=max_lines(routing),
        calendar=calendar,
    )


async def number_policies(number: Number) -> ivr_flows.NumberPolicies:
    """The policies a draft is simulated with for ``number``: its saved settings (or the defaults)."""
    return policies_of(number, await current_routing(number), await holiday_calendar())
