"""`make bench`: load-tests the site with wrk against gunicorn on 127.0.0.1 (see README, Performance)."""
