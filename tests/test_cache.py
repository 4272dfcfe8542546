"""The Redis cache (backease/cache.py) builds one Redis client per connection pool instead of
one per call, and still reads and writes through Redis."""

import os

import pytest
from django.conf import settings

from backease.cache import FailoverRedisCache


@pytest.fixture
def redis_cache():
    if not settings.REDIS_URL:
        if os.environ.get("CI"):
            pytest.fail("REDIS_URL is not set; CI must not skip this")
        pytest.skip("needs Redis (REDIS_URL)")
    cache = FailoverRedisCache(settings.REDIS_URL, {"KEY_PREFIX": "test-cache-client"})
    yield cache
    cache.delete_many(["a", "b"])


def test_every_cache_call_uses_the_same_redis_client(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    redis_cache.set("a", {"n": 1})
    assert redis_cache._cache.get_client("a") is client


def test_values_go_through_redis(redis_cache):
    redis_cache.set("a", {"n": 1}, 30)
    redis_cache.set_many({"b": 2}, 30)
    assert redis_cache.get("a") == {"n": 1}
    assert redis_cache.get_many(["a", "b"]) == {"a": {"n": 1}, "b": 2}
    raw = redis_cache._cache.get_client()
    assert raw.exists(redis_cache.make_and_validate_key("a")) == 1
