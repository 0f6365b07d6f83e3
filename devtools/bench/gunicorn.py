"""gunicorn for the benchmark: production's configuration (config/gunicorn.py), minus what would skew it."""

import os

from config.gunicorn import *  # noqa: F403 - the same worker class, workers, threads and timeouts

bind = os.environ.get("BENCH_BIND", "127.0.0.1:8765")
# No access log (writing one line per request would be measured too) and no worker recycling in the
# middle of a run (a recycled worker pays its start-up again and resets its peak memory).
accesslog = None
loglevel = "warning"
max_requests = 0
max_requests_jitter = 0
