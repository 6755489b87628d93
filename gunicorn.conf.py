"""Production server settings: ``gunicorn app:server`` reads this file from the working directory.

Two workers (the machine has two cores) with four threads each: Dash callbacks are short and
mostly cached, so threads keep the cores busy while one request waits on the database.
"""
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 60
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
# Not preloaded: each worker opens its own database connections after the fork.
preload_app = False
