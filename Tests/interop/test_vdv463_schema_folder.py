"""The order in which the schema tests look for the official VDV 463 schemas, on real folders."""
import pathlib

import vdv463_schema_folder as folder


def workspace(tmp_path, shared, fetched):
    repo = tmp_path / "repo"
    repo.mkdir()
    if shared:
        (tmp_path / "shared" / "vdv463-schemas").mkdir(parents=True)
    if fetched:
        (repo / ".vdv463-schemas").mkdir()
    return repo


def test_shared_folder_comes_before_the_fetched_copy(tmp_path):
    repo = workspace(tmp_path, shared=True, fetched=True)
    assert folder.resolve({}, repo) == tmp_path / "shared" / "vdv463-schemas"


def test_fetched_copy_is_used_when_the_shared_folder_is_absent(tmp_path):
    repo = workspace(tmp_path, shared=False, fetched=True)
    assert folder.resolve({}, repo) == repo / ".vdv463-schemas"


def test_environment_variable_wins_over_both_folders(tmp_path):
    repo = workspace(tmp_path, shared=True, fetched=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert folder.resolve({folder.ENVIRONMENT_VARIABLE: str(elsewhere)}, repo) == elsewhere.resolve()


def test_environment_variable_naming_a_missing_folder_is_not_silently_replaced(tmp_path):
    repo = workspace(tmp_path, shared=True, fetched=True)
    missing = tmp_path / "missing"
    assert folder.resolve({folder.ENVIRONMENT_VARIABLE: str(missing)}, repo) == missing.resolve()


def test_relative_environment_variable_is_read_against_the_repository(tmp_path):
    repo = workspace(tmp_path, shared=True, fetched=True)
    assert folder.resolve({folder.ENVIRONMENT_VARIABLE: ".vdv463-schemas"}, repo) == (repo / ".vdv463-schemas").resolve()


def test_with_no_folder_the_fetched_path_is_reported(tmp_path):
    repo = workspace(tmp_path, shared=False, fetched=False)
    assert folder.resolve({}, repo) == repo / ".vdv463-schemas"


def test_the_suite_reads_the_resolved_folder():
    import test_vdv463_schemas
    assert test_vdv463_schemas.SCHEMAS == folder.resolve()
    assert isinstance(test_vdv463_schemas.SCHEMAS, pathlib.Path)
