"""Settings for a developer's machine: `make run` uses these."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env, env_bool

# `make run` shows the site as readers will see it: our error pages, not Django's debug pages.
# `DEBUG=1 make run` turns Django's debugging on for development.
DEBUG = env_bool("DEBUG", False)
# Uploaded pictures are served by Django itself here (production serves them from nginx or S3).
SERVE_MEDIA = True
# The demo publication (`make run` loads it) and the other development tools; never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
# Only ever used on a developer's own machine; production refuses to start without its own key.
SECRET_KEY = env("DJANGO_SECRET_KEY", "local-only-insecure-key-never-used-in-production")

# Serve static files straight from the app folders; no collectstatic needed here.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run at once, inside the request that queues them: no worker to start for the demo.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The demo's cross-posts name originals that do not exist: publishing one here fetches nothing
# unless asked (ORIGINALS_WATCH=1); `manage.py check_originals` still checks them on demand.
ORIGINALS_WATCH = env_bool("ORIGINALS_WATCH", False)
