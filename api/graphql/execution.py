"""GraphQL execution with a fast path for plain leaf fields.

Pages of numbers, media or recordings are lists of objects whose fields are mostly plain attributes
(strings, integers, enums). graphql-core runs its whole per-field machinery for each of them: a resolve
info object, argument coercion, the resolver call, then value completion through several dispatch
steps. For an attribute without a resolver, arguments or directives, holding a scalar or enum, all of
that reduces to "read the attribute, serialise it". That is what this context does for such fields;
anything else — a resolver, arguments, a null in a non-null field, a value the type cannot serialise —
takes graphql-core's normal path, so results and errors are exactly what they were.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    is_leaf_type,
)
from graphql.pyutils import Path, Undefined, UndefinedType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

__all__ = ["LeafFastPathExecutionContext"]

#: A field's resolver, leaf type and non-nullness, or None when the fast path does not apply to it.
_Plan = tuple[Any, GraphQLLeafType, bool] | None
_PLANS = "_leaf_fast_path_plans"


def _plans_of(schema: GraphQLSchema) -> dict[tuple[str, str], _Plan]:
    """Plans per (object type, field), kept on the schema they were made for."""
    plans: dict[tuple[str, str], _Plan] | None = schema.__dict__.get(_PLANS)
    if plans is None:
        plans = {}
        setattr(schema, _PLANS, plans)
    return plans


def _plan(schema: GraphQLSchema, parent_type: GraphQLObjectType, name: str, field: GraphQLField) -> _Plan:
    plans = _plans_of(schema)
    key = (parent_type.name, name)
    if key in plans:
        return plans[key]
    resolve = field.resolve
    field_type = field.type
    non_null = isinstance(field_type, GraphQLNonNull)
    inner = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
    plan: _Plan = None
    # Strawberry marks the resolver of a field that is a plain attribute (no resolver of its own, no
    # permission or extension) with ``_is_default``.
    if resolve is not None and getattr(resolve, "_is_default", False) and is_leaf_type(inner):
        plan = (resolve, inner, non_null)
    plans[key] = plan
    return plan


class LeafFastPathExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def _wrapped_by_middleware(self) -> bool:
        """Whether an extension wraps every resolver (then each field must go through it)."""
        manager = self.middleware_manager
        return manager is not None and manager._middleware_resolvers is not None

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any | UndefinedType:
        node = field_details_list[0].node
        if len(field_details_list) == 1 and not node.arguments and not node.directives:
            name = node.name.value
            field = parent_type.fields.get(name)
            if field is not None and not self._wrapped_by_middleware():
                plan = _plan(self.schema, parent_type, name, field)
                if plan is not None:
                    resolve, leaf_type, non_null = plan
                    try:
                        value = resolve(source, None)
                        if value is None and not non_null:
                            return None
                        if value is not None and not self.is_awaitable(value):
                            serialized = leaf_type.serialize(value)
                            if serialized is not Undefined and serialized is not None:
                                return serialized
                    except Exception:
                        pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
