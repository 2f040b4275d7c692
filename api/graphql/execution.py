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

from collections.abc import Callable
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
from strawberry.schema.schema_converter import GraphQLCoreConverter

__all__ = ["LeafFastPathExecutionContext"]

#: How to read a plain leaf field: the attribute reader, the attribute's name, the leaf type and whether
#: it is non-null; None when the fast path does not apply to the field.
_Plan = tuple[Callable[[Any, str], Any], str, GraphQLLeafType, bool] | None
_PLANS = "_leaf_fast_path_plans"
_MISSING: Any = object()


def _plans_of(schema: GraphQLSchema) -> dict[tuple[str, str], _Plan]:
    """Plans per (object type, field), kept on the schema they were made for."""
    plans: dict[tuple[str, str], _Plan] | None = schema.__dict__.get(_PLANS)
    if plans is None:
        plans = {}
        setattr(schema, _PLANS, plans)
    return plans


def _plan(field: GraphQLField) -> _Plan:
    field_type = field.type
    non_null = isinstance(field_type, GraphQLNonNull)
    inner = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    # Strawberry marks the resolver of a field that is a plain attribute (no resolver of its own, no
    # permission or extension) with ``_is_default``; it reads the attribute with the field's default
    # resolver (``getattr`` unless configured otherwise).
    if (
        field.resolve is not None
        and getattr(field.resolve, "_is_default", False)
        and definition is not None
        and is_leaf_type(inner)
    ):
        return (definition.default_resolver, definition.python_name, inner, non_null)
    return None


class LeafFastPathExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        manager = self.middleware_manager
        # An extension that wraps every resolver must see every field: then there is no fast path.
        self._leaf_plans = (
            _plans_of(self.schema) if manager is None or manager._middleware_resolvers is None else None
        )

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Path,
        position_context: Any,
    ) -> Any | UndefinedType:
        plans = self._leaf_plans
        node = field_details_list[0].node
        if plans is not None and len(field_details_list) == 1 and not node.arguments and not node.directives:
            key = (parent_type.name, node.name.value)
            plan = plans.get(key, _MISSING)
            if plan is _MISSING:
                field = parent_type.fields.get(key[1])
                plan = plans[key] = _plan(field) if field is not None else None
            if plan is not None:
                read, attribute, leaf_type, non_null = plan
                try:
                    value = read(source, attribute)
                    if value is None:
                        if not non_null:
                            return None
                    else:
                        serialized = leaf_type.serialize(value)
                        if serialized is not Undefined and serialized is not None:
                            return serialized
                except Exception:  # the normal path below reports it, located in the response
                    pass
        return super().execute_field(parent_type, source, field_details_list, path, position_context)
