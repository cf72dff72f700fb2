"""Shared helpers for the Python test suites: where the repository and the built binary are."""
import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def busbar_bin() -> pathlib.Path:
    """The `busbar` binary `make test` built (BUSBAR_BIN), else the default debug build."""
    path = pathlib.Path(os.environ.get("BUSBAR_BIN", REPO / ".build" / "debug" / "busbar"))
    if not path.exists():
        pytest.fail(f"busbar binary not found at {path}; run `swift build` or set BUSBAR_BIN")
    return path


def run_busbar(binary: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], cwd=REPO, capture_output=True, text=True, timeout=120)
