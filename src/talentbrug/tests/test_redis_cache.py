"""The Redis cache backend keeps one client per connection pool (``conf/cache.py``)."""

from __future__ import annotations

import socket
import uuid

import pytest

from talentbrug.conf.cache import RedisCache


def _backend(url: str = "redis://127.0.0.1:6379/14") -> RedisCache:
    return RedisCache(url, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})


def test_one_client_object_is_reused_for_reads_and_writes():
    cache = _backend()
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: one pool, one client


def test_each_pool_has_its_own_client():
    cache = _backend("redis://127.0.0.1:6379/14,redis://127.0.0.1:6379/15")
    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()
    assert writer is not reader  # the first server is written, the other read
    assert cache._cache.get_client() is reader


def _redis_up() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379 (runs in CI)")
def test_round_trip_through_the_shared_client():
    cache = _backend()
    cache.set("a", {"x": 1}, 30)
    cache.set_many({"b": 2, "c": 3}, 30)
    assert cache.get("a") == {"x": 1}
    assert cache.get_many(["a", "b", "c", "d"]) == {"a": {"x": 1}, "b": 2, "c": 3}
    assert cache.add("a", 9, 30) is False
    cache.delete_many(["a", "b", "c"])
    assert cache.get_many(["a", "b", "c"]) == {}
