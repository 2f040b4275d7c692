"""The validation cache must hit: the query limits may not make every request's cache key new."""

from __future__ import annotations

from strawberry.extensions.validation_cache import _get_validate_cache

from tests.api.support import Env

# The shared LRU cache behind ``ValidationCache(maxsize=256)`` in api/schema.py.
CACHE = _get_validate_cache(256)


async def test_a_repeated_query_is_validated_once(env: Env) -> None:
    client = env.anonymous()
    query = "query Cached { me { isOperator } }"
    assert "errors" not in await client.gql(query)
    before = CACHE.cache_info()
    assert "errors" not in await client.gql(query)
    after = CACHE.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
