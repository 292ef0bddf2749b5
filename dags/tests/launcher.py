"""Running ./tuopin from a test: a failed command fails the test with everything it printed, so a
failure on a CI machine can be read from the CI log alone (a CalledProcessError shows only a
truncated first line of stderr)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent.parent
LAUNCHER = str(REPOSITORY / "tuopin")


def run(*arguments: str, check: bool = True, env: dict[str, str] | None = None, text: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([LAUNCHER, *arguments], capture_output=True, text=text, env={**os.environ, **(env or {})})
    if check and result.returncode != 0:
        stderr = result.stderr if text else result.stderr.decode("utf-8", "replace")
        pytest.fail(f"./tuopin {' '.join(arguments)} exited {result.returncode}; its stderr:\n{stderr}", pytrace=False)
    return result
