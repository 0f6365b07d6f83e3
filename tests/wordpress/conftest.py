import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import TestCase

from tests.factories import png_bytes

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures():
    return FIXTURES


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads holding the one picture site.xml's attachment 201 names."""
    root = tmp_path / "uploads"
    (root / "2023" / "05").mkdir(parents=True)
    (root / "2023" / "05" / "pipeline.png").write_bytes(png_bytes(640, 400))
    return root


def run_import(export, *args, **options):
    """`manage.py import_wordpress`, returning what it printed; what it queues on commit runs, as after the command."""
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("import_wordpress", str(export), *args, stdout=out, stderr=io.StringIO(), verbosity=0, **options)
    return out.getvalue()


@pytest.fixture
def import_site(db, uploads):
    """Import site.xml with the tests' mapping file and uploads folder; returns the printed report."""

    def run(export=FIXTURES / "site.xml", **options):
        options.setdefault("media_dir", str(uploads))
        options.setdefault("mapping", str(FIXTURES / "mapping.toml"))
        return run_import(export, **options)

    return run


@pytest.fixture
def imported(import_site):
    return import_site()


def counts(report):
    """The report's table as {kind: {status: number}}."""
    lines = report.splitlines()
    start = next(index for index, line in enumerate(lines) if line.split()[:1] == ["kind"])
    statuses = lines[start].split()[1:]
    table = {}
    for line in lines[start + 1 :]:
        if not line.startswith("  ") or line.startswith("   "):
            break
        kind, *numbers = line.split()
        table[kind] = dict(zip(statuses, map(int, numbers), strict=True))
    return table
