"""`make run` (config.settings.local) shows the site as readers will see it; `DEBUG=1 make run` debugs."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT_ROOT = Path(settings.BASE_DIR)

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
missing = client.get("/no-such-page/")
picture = client.get(settings.MEDIA_URL + "demo/picture.png")
print(json.dumps({
    "debug": settings.DEBUG,
    "missing_status": missing.status_code,
    "missing_is_ours": all(text in missing.content.decode() for text in ("We can't find that page", 'role="search"')),
    "picture_status": picture.status_code,
    "traversal_status": client.get(settings.MEDIA_URL + "../manage.py").status_code,
}))
"""


def run_local(tmp_path, **extra):
    media = tmp_path / "media" / "demo"
    media.mkdir(parents=True)
    (media / "picture.png").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'local.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        **extra,
    }
    result = subprocess.run(  # noqa: S603 - our interpreter, a fixed script
        [sys.executable, "-c", PROBE], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_make_run_shows_our_pages_and_serves_uploads_with_debug_off(tmp_path):
    seen = run_local(tmp_path)

    assert seen["debug"] is False
    assert seen["missing_status"] == 404 and seen["missing_is_ours"], "our 404, with the search box"
    assert seen["picture_status"] == 200, "uploads are served by `make run`"
    assert seen["traversal_status"] in (400, 404)


def test_debug_1_make_run_turns_debugging_on(tmp_path):
    seen = run_local(tmp_path, DEBUG="1")

    assert seen["debug"] is True
    assert seen["picture_status"] == 200


UPLOAD_PROBE = """
import io, json, django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from PIL import Image as PILImage
from images.models import Image
call_command("migrate", verbosity=0)
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "a-long-password"))
buffer = io.BytesIO()
PILImage.new("RGB", (1000, 600), (200, 30, 30)).save(buffer, format="JPEG")
upload = SimpleUploadedFile("harbour.jpg", buffer.getvalue())
response = client.post("/admin/images/image/add/", {"file": upload, "alt_text": "Harbour", "caption": "", "credit": ""})
print(json.dumps({
    "tasks_backend": settings.TASKS["default"]["BACKEND"],
    "status": response.status_code,
    "renditions": sorted((r["width"], r["format"]) for r in Image.objects.get().renditions),
}))
"""


def test_make_run_runs_tasks_at_once_so_an_upload_in_the_admin_has_its_renditions(tmp_path):
    """No worker to start for the demo: the local settings run each task when it is queued."""
    media = tmp_path / "media"
    media.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'local.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(media),
    }
    result = subprocess.run(  # noqa: S603 - our interpreter, a fixed script
        [sys.executable, "-c", UPLOAD_PROBE], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert seen["tasks_backend"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert seen["status"] == 302
    widths = [480, 800, 1000]
    assert seen["renditions"] == [[width, fmt] for width in widths for fmt in ("jpg", "webp")]
