"""The typed payloads in Sources/OCPP/V16 and V201 are generated from the official schemas of the
pinned `ocpp` package; this fails when they were edited by hand or the schemas changed."""

import filecmp
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [str(left / name) for name in comparison.left_only + comparison.right_only + comparison.diff_files]
    for sub in comparison.common_dirs:
        found += differences(left / sub, right / sub)
    return found


def test_generated_payloads_are_up_to_date(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_ocpp_types.py"), str(tmp_path)], check=True, cwd=ROOT)
    for namespace in ("V16", "V201"):
        generated = tmp_path / namespace
        committed = ROOT / "Sources" / "OCPP" / namespace
        stale = [d for d in differences(generated, committed) if not d.endswith(f"{namespace}.swift")]
        assert not stale, f"regenerate with scripts/generate_ocpp_types.py: {stale}"
