"""Django's Redis cache, made to survive a Redis outage.

Only allauth's rate limits use the cache (sessions live in the database). When Redis cannot
be reached, each process falls back to a local-memory cache for a few seconds at a time, so
logins stay rate-limited (per process) instead of failing with a 500 or a refusal."""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failure, how long to use the local cache before trying Redis again.
RETRY_AFTER_SECONDS = 5


class FailoverRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._local = LocMemCache(f"failover-{id(self)}", {"KEY_PREFIX": self.key_prefix})
        self._down_until = 0.0

    def _call(self, name: str, *args, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except (RedisError, OSError):
                logger.warning(
                    "cache: Redis unreachable, using local memory for %ss", RETRY_AFTER_SECONDS
                )
                self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        return getattr(self._local, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")
