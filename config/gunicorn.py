"""gunicorn configuration: `gunicorn -c config/gunicorn.py config.wsgi`.

Sync workers, one request at a time per process, so that `timeout` really stops a stuck request:
the arbiter stops a worker that has not finished its request within that many seconds (a threaded
worker keeps reporting itself alive while one of its threads is stuck). Slow clients never reach a
worker: nginx in front buffers requests and responses (docs/deployment.md).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
threads = 1  # more than one would silently turn these into threaded workers
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Request line and headers: gunicorn's defaults, said out loud (docs/deployment.md, "Limits").
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
# Recycle workers now and then so a slow leak can never take a machine down.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
