"""Django's Redis cache, made to survive a Redis outage.

Sessions (cached_db: the database is the record, the cache saves a query) and allauth's
rate limits use the cache. When Redis cannot be reached, each process falls back to a
local-memory cache for a few seconds at a time: sessions are read from the database and
logins stay rate-limited (per process) instead of failing with a 500 or a refusal. Keys
deleted meanwhile (a logout ends a session) are deleted from Redis too once it answers
again, so a session ended during the outage does not come back from Redis' old copy."""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failure, how long to use the local cache before trying Redis again.
RETRY_AFTER_SECONDS = 5


def _failover(name: str):
    def method(self, *args, **kwargs):
        return self._call(name, *args, **kwargs)

    method.__name__ = name
    return method


class _OneClientPerPool(RedisCacheClient):
    """Django builds a new redis.Redis for every cache call, which costs about as much CPU as
    the call itself (it fills ~170 response callbacks each time). A client over a connection
    pool is thread-safe, so one per pool serves every call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class FailoverRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool
        self._local = LocMemCache(f"failover-{id(self)}", {"KEY_PREFIX": self.key_prefix})
        self._down_until = 0.0
        self._deleted_while_down: set[str] = set()

    def _call(self, name: str, *args, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                if self._deleted_while_down:
                    super().delete_many(list(self._deleted_while_down))
                    self._deleted_while_down.clear()
                return getattr(super(), name)(*args, **kwargs)
            except (RedisError, OSError):
                logger.warning(
                    "cache: Redis unreachable, using local memory for %ss", RETRY_AFTER_SECONDS
                )
                self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        if name == "delete":
            self._deleted_while_down.add(args[0] if args else kwargs["key"])
        elif name == "delete_many":
            self._deleted_while_down.update(args[0] if args else kwargs["keys"])
        return getattr(self._local, name)(*args, **kwargs)

    add = _failover("add")
    get = _failover("get")
    set = _failover("set")
    touch = _failover("touch")
    delete = _failover("delete")
    get_many = _failover("get_many")
    has_key = _failover("has_key")
    incr = _failover("incr")
    set_many = _failover("set_many")
    delete_many = _failover("delete_many")
    clear = _failover("clear")
