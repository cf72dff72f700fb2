"""scripts/fetch_vdv463_schemas.sh against a local stand-in for the VDV repository (no network): it copies
each version's files from its pinned commit and folder, and keeps nothing that differs from the manifest."""
import os
import pathlib
import shutil
import subprocess

import pytest

import vdv463_schema_folder

REPO = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "fetch_vdv463_schemas.sh"


def git(cwd, *args):
    return subprocess.run(["git", "-C", str(cwd), *args], check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def upstream(tmp_path):
    """A git repository laid out like VDVde/VDV463 with 2.0.0 in schema/ and 1.0.0 in v1.0/; its HEAD."""
    schemas = vdv463_schema_folder.resolve()
    if not (schemas / "2.0.0").is_dir():
        pytest.fail(f"VDV 463 schemas not found at {schemas}; run `make vdv463-schemas` or set BUSBAR_VDV463_SCHEMAS")
    repository = tmp_path / "VDV463"
    shutil.copytree(schemas / "2.0.0", repository / "schema")
    shutil.copytree(schemas / "1.0.0", repository / "v1.0")
    git(tmp_path, "init", "-q", str(repository))
    git(repository, "add", ".")
    git(repository, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "schemas")
    return repository, git(repository, "rev-parse", "HEAD")


def fetch(repository, commit, destination, path_1_0_0="v1.0"):
    environment = dict(os.environ, VDV463_REPO=f"file://{repository}", VDV463_COMMIT_2_0_0=commit,
                       VDV463_COMMIT_1_0_0=commit, VDV463_PATH_2_0_0="schema", VDV463_PATH_1_0_0=path_1_0_0)
    return subprocess.run([str(SCRIPT), str(destination)], env=environment, capture_output=True, text=True)


def test_fetches_both_versions_at_the_pinned_commit(upstream, tmp_path):
    repository, commit = upstream
    result = fetch(repository, commit, tmp_path / "fetched")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "fetched" / "1.0.0").iterdir())[0] == "BootNotificationRequest.json"
    verified = subprocess.run([str(SCRIPT), "--verify", str(tmp_path / "fetched")], capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr


def test_files_that_differ_from_the_manifest_are_discarded(upstream, tmp_path):
    repository, commit = upstream
    result = fetch(repository, commit, tmp_path / "fetched", path_1_0_0="schema")
    assert result.returncode == 1
    assert "differ" in result.stderr
    assert not (tmp_path / "fetched").exists()


def test_without_a_pin_it_says_so_and_fetches_nothing(tmp_path):
    if "VDV463_COMMIT_2_0_0:-}" not in SCRIPT.read_text():
        pytest.skip("the script pins a default commit now")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("VDV463_COMMIT")}
    result = subprocess.run([str(SCRIPT), str(tmp_path / "fetched")], env=environment, capture_output=True, text=True)
    assert result.returncode == 1
    assert "no pinned VDV 463 commit" in result.stderr
    assert not (tmp_path / "fetched").exists()
