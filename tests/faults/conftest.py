import pytest

from .servers import IN_CI, PostgresServer, RedisServer, SmtpServer, Unavailable


def _need(factory):
    try:
        return factory()
    except Unavailable as exc:
        if IN_CI:
            pytest.fail(f"{exc}; CI must not skip the fault tests.")
        pytest.skip(str(exc))


@pytest.fixture
def own_redis():
    """A redis-server of the test's own, on its own port: stopping it disturbs nobody."""
    server = _need(RedisServer).start()
    yield server
    server.stop()


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    yield server
    server.stop()


@pytest.fixture
def own_postgres():
    server = _need(PostgresServer).start()
    server.create_database()
    yield server
    server.destroy()
