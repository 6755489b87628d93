"""Alembic environment of the store, configured from Python (``dashboard.store.migrations.alembic_config``).

Online, the connection comes in ``config.attributes["connection"]`` (already in the transaction that
``dashboard.store.database`` opened and holds a lock in); without one, an engine is made from
``config.attributes["url"]`` or ``DATABASE_URL``. Offline (``--sql``) renders SQL for that URL.
"""
from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from dashboard.store.migrations import target_metadata

config = context.config


def _url():
    from dashboard.store.database import normalise_url

    url = config.attributes.get("url") or os.environ.get("DATABASE_URL")
    if not url:
        raise RuntimeError("store migrations: no connection given and DATABASE_URL is not set")
    return normalise_url(url)


def _configure(**kw) -> None:
    context.configure(
        target_metadata=target_metadata(),
        compare_type=True,
        compare_server_default=True,
        # SQLite cannot ALTER most things: autogenerate writes "batch" operations (copy and rename).
        render_as_batch=True,
        **kw,
    )


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url())
    try:
        with engine.begin() as connection:
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
