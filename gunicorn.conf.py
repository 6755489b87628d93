"""Production server settings: ``gunicorn app:server`` reads this file from the working directory.

Two workers (the machine has two cores) with four threads each: Dash callbacks are short and
mostly cached, so threads keep the cores busy while one request waits on the database.

The app is loaded once in the master and warmed there (aggregates and the first pages of the
current figures) before the workers fork: they start with that cache, shared copy-on-write, so
nobody waits for a cold page or competes with a warm-up in the first minutes of a meeting.
"""
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 60
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
preload_app = True


def on_starting(server):
    """No version banner: gunicorn answers ``Server: gunicorn/27.0.1`` otherwise."""
    import gunicorn.http.wsgi

    gunicorn.http.wsgi.SERVER = "dashboard"


def when_ready(server):
    """In the master, after loading the app and before forking the workers: warm, then close the
    database connections (each worker opens its own)."""
    from dashboard.web.app_factory import prepare_for_fork

    prepare_for_fork(server.app.wsgi())
