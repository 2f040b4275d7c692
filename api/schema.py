"""The root schema: every domain's Query and Mutation merged, with the limits and error masking."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from api.accounts import schema as accounts
from api.applications import schema as applications
from api.billing import schema as billing
from api.calls import schema as calls
from api.config import Config
from api.errors import NotAuthenticated, NotAuthorized, UserError
from api.flows import schema as flows
from api.graphql.errors import add_error_code
from api.graphql.execution import LeafFastPathExecutionContext
from api.logtext import loggable_exc_info
from api.media import schema as media
from api.notify import schema as notify
from api.numbers import schema as numbers
from api.outbound import schema as outbound
from api.recordings import schema as recordings
from api.requestid import current_request_id
from api.reservations import schema as reservations
from api.routing import schema as routing
from api.signups import schema as signups
from api.statements import schema as statements

__all__ = ["build_schema", "export_sdl"]

log = logging.getLogger("api.graphql")

Query = merge_types(
    "Query",
    (
        accounts.Query,
        numbers.Query,
        reservations.Query,
        applications.Query,
        flows.Query,
        routing.Query,
        media.Query,
        recordings.Query,
        billing.Query,
        calls.Query,
        notify.Query,
        statements.Query,
        signups.Query,
        outbound.Query,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        accounts.Mutation,
        numbers.Mutation,
        reservations.Mutation,
        applications.Mutation,
        flows.Mutation,
        routing.Mutation,
        media.Mutation,
        recordings.Mutation,
        billing.Mutation,
        calls.Mutation,
        notify.Mutation,
        signups.Mutation,
        outbound.Mutation,
    ),
)

#: Errors whose message is meant for the caller; everything else is a bug and is masked.
_EXPECTED = (NotAuthenticated, NotAuthorized, UserError, GraphQLError)


def _is_unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, _EXPECTED)


class _Masked(MaskErrors):
    """Replaces a bug's message with a request id the support desk can look up in the logs."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected)

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or ():
            add_error_code(error)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.message = f"服务器内部错误,请稍后重试(请求编号 {current_request_id()})"
        masked.extensions = {"code": "INTERNAL", "requestId": current_request_id()}
        return masked


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if _is_unexpected(error):
                log.error(
                    "request %s: unexpected error in %s",
                    current_request_id(),
                    ".".join(str(p) for p in error.path or ()),
                    exc_info=loggable_exc_info(error.original_error or error),
                )


def build_schema(config: Config | None = None) -> Schema:
    # The limiters' rule classes are made once per schema: each limiter instance makes new classes, and the
    # validation cache keys on the rules, so per-request limiters would miss it and validate every request.
    limits = [
        *QueryDepthLimiter(max_depth=config.max_query_depth if config else 12).validation_rules,
        *MaxAliasesLimiter(max_alias_count=config.max_aliases if config else 30).validation_rules,
    ]
    extensions: list[Any] = [
        lambda: AddValidationRules(limits),
        lambda: MaxTokensLimiter(max_token_count=config.max_tokens if config else 3000),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        _Masked,
    ]
    if config is not None and not config.introspection:
        extensions.append(DisableIntrospection)
    extension_list: list[type[SchemaExtension] | Any] = extensions
    return Schema(
        query=Query,
        mutation=Mutation,
        extensions=extension_list,
        execution_context_class=LeafFastPathExecutionContext,
    )


def export_sdl() -> str:
    return build_schema().as_str() + "\n"
