"""Per-request DataLoaders: a field that needs a row per parent asks a loader, which batches every
parent of the response into one query, however many types and places the field appears in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import TypeVar, cast

from strawberry.dataloader import DataLoader

from api.graphql.context import Info

__all__ = ["request_loader"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def request_loader(
    info: Info, name: str, load: Callable[[list[K]], Awaitable[Sequence[V]]]
) -> DataLoader[K, V]:
    """The request's loader called ``name`` (made on first use); ``load`` answers a batch of keys in order.

    Kept in the request context, so its cache lives exactly as long as the request: nothing stale is
    served to a later one, and no state is shared between the service's processes.
    """
    key = f"loader:{name}"
    found = info.context.cache.get(key)
    if found is None:
        found = DataLoader(load_fn=load)
        info.context.cache[key] = found
    return cast("DataLoader[K, V]", found)
