"""Pillow before 12.2.0 decodes a known decompression bomb (CVE-2026-40192): never run on one."""

import re
from pathlib import Path

import PIL
from packaging.version import Version

FIXED_IN = Version("12.2.0")
ROOT = Path(__file__).resolve().parent.parent.parent


def test_installed_pillow_has_the_decompression_bomb_fix():
    assert Version(PIL.__version__) >= FIXED_IN, PIL.__version__


def test_pinned_and_declared_pillow_have_the_decompression_bomb_fix():
    pinned = re.search(r"^pillow==(\S+)$", (ROOT / "requirements" / "base.txt").read_text(), re.M | re.I)
    declared = re.search(r'"pillow>=([^",]+)', (ROOT / "pyproject.toml").read_text(), re.I)

    assert pinned and Version(pinned.group(1)) >= FIXED_IN
    assert declared and Version(declared.group(1)) >= FIXED_IN
