"""Queries and mutations of the inventory: search, import, prices, status changes, audit, holidays."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from api.errors import UserError
from api.graphql.context import Info
from api.graphql.errors import ReturnsUserErrors, UserErrors
from api.graphql.ids import parse_id
from api.graphql.permissions import IsOperator, IsSignedIn
from api.graphql.uploads import read_upload
from api.numbers import holidays, import_files, importing, operations, queries
from api.numbers.lifecycle import Actor
from api.numbers.models import GradePrice, HolidayOverride, Number, NumberEvent
from api.numbers.numbering import GRADE_NAMES_ZH, Grade, NumberStatus
from api.numbers.types import (
    BundledCalendarType,
    BundledHolidayType,
    GradePriceType,
    HolidayOverrideType,
    ImportNumbersResult,
    NumberConnection,
    NumberEventType,
    NumberSearch,
    NumberType,
)
from api.plans import pipeline
from api.visible import find_visible
from ivr_flows import WorkCalendar

ImportResult = Annotated[ImportNumbersResult | UserErrors, strawberry.union("ImportNumbersOutput")]
NumberResult = Annotated[NumberType | UserErrors, strawberry.union("NumberResult")]
GradePriceResult = Annotated[GradePriceType | UserErrors, strawberry.union("GradePriceResult")]
HolidayResult = Annotated[HolidayOverrideType | UserErrors, strawberry.union("HolidayOverrideResult")]


@strawberry.type
class Query:
    @strawberry.field(
        description="Numbers anyone signed in may reserve, best match first by digits.",
        permission_classes=[IsSignedIn],
    )
    async def available_numbers(
        self, info: Info, search: NumberSearch | None = None, first: int = 50, after: str | None = None
    ) -> NumberConnection:
        return await queries.available_numbers(info, search, first=first, after=after)

    @strawberry.field(
        description="Operators: the whole inventory; customers: their own numbers.",
        permission_classes=[IsSignedIn],
    )
    async def numbers(
        self,
        info: Info,
        status: NumberStatus | None = None,
        search: NumberSearch | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> NumberConnection:
        return await queries.list_numbers(info, first=first, after=after, status=status, search=search)

    @strawberry.field(
        description="One number the viewer may see, else null.", permission_classes=[IsSignedIn]
    )
    async def number(self, info: Info, id: strawberry.ID) -> NumberType | None:
        row = await find_visible(info, Number, id, "id")
        return (await queries.number_nodes(info, [row]))[0] if row else None

    @strawberry.field(
        description="The audit log of one number: every state change, who, when, why.",
        permission_classes=[IsSignedIn],
    )
    async def number_events(self, info: Info, number_id: strawberry.ID) -> list[NumberEventType]:
        row = await find_visible(info, Number, number_id, "numberId")
        if row is None:
            return []
        events = NumberEvent.filter(number_id=row.id)
        if not info.context.viewer.is_operator:
            # A customer sees its own tenure only: from when the number last left the open inventory.
            listed = await (
                NumberEvent.filter(number_id=row.id, to_status=NumberStatus.AVAILABLE).order_by("-id").first()
            )
            if listed is not None:
                events = events.filter(id__gt=listed.id)
        return [NumberEventType.of(e) for e in await events.order_by("at", "id")]

    @strawberry.field(description="Prices of the 靓号 grades, in fen.", permission_classes=[IsSignedIn])
    async def grade_prices(self, info: Info) -> list[GradePriceType]:
        prices = await queries.grade_prices(info)
        return [GradePriceType(grade=g, grade_name=GRADE_NAMES_ZH[g], price_fen=prices[g]) for g in Grade]

    @strawberry.field(
        description="Operator-entered holidays and make-up workdays of one year.",
        permission_classes=[IsSignedIn],
    )
    async def holiday_overrides(self, info: Info, year: int) -> list[HolidayOverrideType]:
        rows = await holidays.overrides_of_year(year)
        return [HolidayOverrideType(day=r.day, workday=r.workday, name=r.name) for r in rows]

    @strawberry.field(
        description="The official holidays and make-up workdays the service ships with for one year; "
        "operator overrides take precedence over them.",
        permission_classes=[IsSignedIn],
    )
    async def bundled_holidays(self, info: Info, year: int) -> BundledCalendarType:
        days = holidays.bundled_days(year)
        return BundledCalendarType(
            year=year,
            covered=WorkCalendar.covers(year),
            days=[BundledHolidayType(day=d.day, workday=d.workday, name=d.name) for d in days],
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Operators: import numbers, one per line or ranges (4001234500-4001234599); all or nothing.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def import_numbers(self, info: Info, text: str) -> ImportResult:
        result = await importing.import_numbers(text, Actor(info.context.user))
        return ImportNumbersResult(
            imported_count=len(result.imported), skipped_existing=result.skipped_existing
        )

    @strawberry.mutation(
        description="Operators: import numbers from a CSV or XLSX file (first worksheet): a number or a "
        "range in each row's first cell, or a range's start and end in its first two; all or nothing.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def import_numbers_file(self, info: Info, file: Upload) -> ImportResult:
        filename, data = await read_upload(file, "file", import_files.MAX_FILE_BYTES + 1)
        text = import_files.sheet_text(filename, data)
        result = await importing.import_numbers(text, Actor(info.context.user), field="file")
        return ImportNumbersResult(
            imported_count=len(result.imported), skipped_existing=result.skipped_existing
        )

    @strawberry.mutation(
        description="Operators: price a 靓号 grade in fen.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def set_grade_price(self, info: Info, grade: Grade, price_fen: int) -> GradePriceResult:

        if not 0 <= price_fen <= 10**10:
            raise UserError("invalid_price", "价格应为0到1亿元之间的整数(分)", "priceFen")
        await GradePrice.update_or_create(grade=grade, defaults={"price_fen": price_fen})
        return GradePriceType(grade=grade, grade_name=GRADE_NAMES_ZH[grade], price_fen=price_fen)

    @strawberry.mutation(
        description="Operators: suspend, resume, reclaim (with a cool-down in days) or re-list a number.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def change_number_status(
        self,
        info: Info,
        id: strawberry.ID,
        status: NumberStatus,
        reason: str,
        cool_down_days: int | None = None,
    ) -> NumberResult:
        row = await Number.filter(id=parse_id(id, "id")).first()
        if row is None:
            raise UserError("not_found", "未找到该号码", "id")
        await operations.operator_change_status(
            row,
            NumberStatus(status),
            actor=Actor(info.context.user),
            reason=reason,
            cool_down_days=cool_down_days,
        )
        return (await queries.number_nodes(info, [row]))[0]

    @strawberry.mutation(
        description="Operators: mark a day as holiday (workday=false) or make-up workday.",
        extensions=[ReturnsUserErrors()],
        permission_classes=[IsOperator],
    )
    async def set_holiday_override(
        self, info: Info, day: dt.date, workday: bool, name: str = ""
    ) -> HolidayResult:
        if len(name) > 50:
            raise UserError("too_long", "名称不能超过50个字", "name")
        await HolidayOverride.update_or_create(day=day, defaults={"workday": workday, "name": name.strip()})
        await pipeline.recompile_all()  # every plan carries the holiday table
        return HolidayOverrideType(day=day, workday=workday, name=name.strip())

    @strawberry.mutation(permission_classes=[IsOperator])
    async def delete_holiday_override(self, info: Info, day: dt.date) -> bool:
        deleted = await HolidayOverride.filter(day=day).delete() > 0
        if deleted:
            await pipeline.recompile_all()
        return deleted
