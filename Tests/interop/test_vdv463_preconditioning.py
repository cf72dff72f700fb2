"""ProvideChargingInformation frames with pre-conditioning (docs/vdv.md A6, B5) against the official
2.0.0 schemas. The frames in vdv463-emitted/ are golden files written by the Swift suite
"VDV 463 report of pre-conditioning" (BusbarServerTests), which fails when one is stale.
"""
import json
import pathlib

import pytest

from test_vdv463_schemas import problems

FOLDER = pathlib.Path(__file__).resolve().parent / "vdv463-emitted"


def frames():
    return [pytest.param(json.loads(path.read_text()), id=path.name) for path in sorted(FOLDER.glob("*.json"))]


def test_the_folder_holds_the_preconditioning_report():
    assert (FOLDER / "ProvideChargingInformation.preconditioning.json").is_file()


@pytest.mark.parametrize("frame", frames())
def test_emitted_frames_are_valid_2_0_0(frame):
    assert problems(frame, "2.0.0") == []


def test_the_report_carries_the_plan():
    frame = json.loads((FOLDER / "ProvideChargingInformation.preconditioning.json").read_text())
    stations = frame[6]["depotInfoList"][0]["chargingStationInfoList"]
    vehicle = next(point["vehicleInfo"] for station in stations for point in station["chargingPointInfoList"] if "vehicleInfo" in point)
    assert vehicle["vehicleStatusInfo"] == {"hvacPreconditioningActive": True, "systemPreconditioningActive": True}
    assert vehicle["vehicleChargingStatus"] == "ChargingAndPreconditioning"
    assert vehicle["preconditioningInfo"]["vehiclePreconditioningTime"] == 45
