import Foundation
import VDV

/// One message of every kind Busbar (or its simulator's virtual presystem) emits, with every
/// optional object filled where that matters, written to `Fixtures/emitted/` for the pytest
/// schema check.
enum RepresentativeMessages {
    static let presystemId = "urn:depot-sued:bms-1"

    static func at(_ text: String) -> Date {
        guard let date = VDV463.Timestamp.parse(text) else { preconditionFailure("bad test timestamp \(text)") }
        return date
    }

    static func message(_ seconds: Double, _ messageId: String, _ body: VDV463.Body, source: String = "CMS") -> VDV463.Message {
        VDV463.Message(source: source, presystemId: presystemId, timeStamp: Instant.bootPlus(seconds), messageId: messageId, body: body)
    }

    static let fullRequest = VDV463.ChargingRequest(
        chargingRequestId: "CR-0309-112",
        vehicleId: "WDB62830419876543",
        chargingPointId: "DEPOT-S/CS-03/CP-2",
        chargingProcessId: "P-77",
        priority: 2,
        chargingRequestData: VDV463.ChargingRequestData(
            minTargetSoc: 75,
            maxTargetSoc: 95,
            expectedArrivalTimeAtChargingPoint: at("2026-03-09T20:10:00Z"),
            expectedSocAtArrival: 28,
            requestedTimeForDeparture: at("2026-03-10T05:05:00Z"),
            adHocCharging: false
        ),
        automaticPreconditioning: VDV463.AutomaticPreconditioning(
            preconditioningRequest: .hotWaterAndHeating,
            ambientTemperature: -6.5,
            requestedStartTime: at("2026-03-10T04:25:00Z"),
            requestedFinishTime: at("2026-03-10T05:00:00Z"),
            targetSoc: 90
        ),
        manualPreconditioning: VDV463.ManualPreconditioning(
            hvacPreconditioningStartTime: at("2026-03-10T04:30:00Z"),
            systemPreconditioningStartTime: at("2026-03-10T04:20:00Z"),
            hvacAuxiliaryConsumerPower: 18,
            systemAuxiliaryConsumerPower: 6,
            targetSoc: 95
        )
    )

    static let fullPrediction = VDV463.ChargingPredictionData(
        chargingPredictionDataStatus: .ongoing,
        chargingPredictionDataMinTargetSoc: VDV463.PredictedMinTargetSoc(requestedMinTargetSoc: 75, predictedTime: at("2026-03-10T00:40:00Z")),
        chargingPredictionDataMaxTargetSoc: VDV463.PredictedMaxTargetSoc(requestedMaxTargetSoc: 95, predictedTime: at("2026-03-10T03:55:00Z")),
        chargingPredictionDataDepartureTime: VDV463.PredictedDepartureSoc(
            predictedDepartureTimeSoc: 95,
            requestedTimeForDeparture: at("2026-03-10T05:05:00Z")
        ),
        chargingProgressPredictionList: [
            VDV463.ChargingProgressPrediction(predictedSoc: 75, predictedTime: at("2026-03-10T00:40:00Z")),
            VDV463.ChargingProgressPrediction(predictedSoc: 95, predictedTime: at("2026-03-10T03:55:00Z")),
        ]
    )

    static let fullChargingInformation = VDV463.ProvideChargingInformationRequest(
        depotInfoList: [
            VDV463.DepotInfo(
                depotId: "DEPOT-S",
                name: "Depot Süd",
                chargingStationInfoList: [
                    VDV463.ChargingStationInfo(
                        chargingStationId: "DEPOT-S/CS-03",
                        chargingPointInfoList: [
                            VDV463.ChargingPointInfo(
                                chargingPointId: "DEPOT-S/CS-03/CP-2",
                                chargingPointStatus: .occupied,
                                insideTemperature: 31.5,
                                outsideTemperature: -4,
                                connectorTemperature: 42,
                                presentPowerLimit: 100,
                                energyMeterReading: 5_421_880,
                                chargingPointFaultInfo: VDV463.ChargingPointFaultInfo(
                                    chargingPointFaultCode: .usageFailure,
                                    faultText: "ConnectorLockFailure",
                                    faultTimeStamp: at("2026-03-09T20:15:02.250Z")
                                ),
                                vehicleInfo: VDV463.VehicleInfo(
                                    vehicleId: "WDB62830419876543",
                                    evccId: "00:1A:2B:3C:4D:60",
                                    mileage: 288_140,
                                    tractionBatteryInfo: VDV463.TractionBatteryInfo(
                                        stateOfCharge: 54.5,
                                        stateOfHealth: 91,
                                        temperature: 21,
                                        batteryStatus: .ok
                                    ),
                                    h2TankInfo: VDV463.H2TankInfo(h2TankStatus: .notAvailable),
                                    vehicleStatusInfo: VDV463.VehicleStatusInfo(
                                        conservationChargingActive: false,
                                        systemPreconditioningActive: false,
                                        hvacPreconditioningActive: true,
                                        balancingActive: false,
                                        fossilFlameControlActive: false,
                                        batteryChargingVoltage: 27.6
                                    ),
                                    vehicleChargingStatus: .chargingAndPreconditioning,
                                    vehicleFaultInfo: VDV463.VehicleFaultInfo(
                                        vehicleFaultCode: "P0A7F",
                                        faultText: "battery deterioration",
                                        faultTimeStamp: at("2026-03-09T20:16:00Z")
                                    ),
                                    preconditioningInfo: VDV463.PreconditioningInfo(
                                        hvBatteryPreconditioningTime: 25,
                                        hvBatteryChargingEnergy: 168_000,
                                        vehiclePreconditioningTime: 35,
                                        vehiclePreconditioningEnergy: 11_000
                                    )
                                ),
                                chargingProcessInfo: VDV463.ChargingProcessInfo(
                                    presystemId: presystemId,
                                    chargingRequestId: "CR-0309-112",
                                    chargingProcessId: "S-4f2a91",
                                    processStatus: .charging,
                                    startTime: at("2026-03-09T20:18:40Z"),
                                    chargingPredictionData: fullPrediction,
                                    electricData: VDV463.ElectricData(
                                        chargingCurrent: 138,
                                        chargingVoltage: 701,
                                        chargingPower: 96.7,
                                        reactivePower: 1.2
                                    ),
                                    deliveredEnergy: 112_300
                                ),
                                scheduledChargingProcessList: [
                                    VDV463.ScheduledChargingProcess(
                                        presystemId: presystemId,
                                        chargingRequestId: "CR-0310-007",
                                        chargingProcessId: "P-78",
                                        vehicleId: "WDB62830419876544",
                                        startTime: at("2026-03-10T05:30:00Z"),
                                        chargingPredictionData: VDV463.ChargingPredictionData(chargingPredictionDataStatus: .ongoing)
                                    )
                                ]
                            ),
                            VDV463.ChargingPointInfo(chargingPointId: "DEPOT-S/CS-03/CP-1", chargingPointStatus: .available),
                        ],
                        chargingStationFaultInfo: VDV463.ChargingStationFaultInfo(
                            chargingStationFaultCode: .noFaultKnown,
                            faultText: "",
                            faultTimeStamp: at("2026-03-09T18:00:00Z")
                        ),
                        totalPower: 97.4
                    ),
                    VDV463.ChargingStationInfo(
                        chargingStationId: "DEPOT-S/0",
                        chargingPointInfoList: [
                            VDV463.ChargingPointInfo(
                                chargingPointId: "DEPOT-S/0/0",
                                chargingPointStatus: .unavailable,
                                scheduledChargingProcessList: []
                            )
                        ]
                    ),
                ]
            )
        ],
        rejectedChargingRequestInfoList: [
            VDV463.RejectedChargingRequestInfo(presystemId: presystemId, chargingRequestId: "CR-0309-113", reason: "unknown vehicleId")
        ]
    )

    /// A point with a vehicle Busbar knows nothing about yet: every unknown sub-object is `{}`.
    static let unknownVehicleChargingInformation = VDV463.ProvideChargingInformationRequest(
        depotInfoList: [
            VDV463.DepotInfo(
                depotId: "DEPOT-S",
                chargingStationInfoList: [
                    VDV463.ChargingStationInfo(
                        chargingStationId: "DEPOT-S/CS-04",
                        chargingPointInfoList: [
                            VDV463.ChargingPointInfo(
                                chargingPointId: "DEPOT-S/CS-04/CP-1",
                                chargingPointStatus: .occupied,
                                vehicleInfo: VDV463.VehicleInfo(
                                    vehicleId: "WDB62830419876549",
                                    vehicleStatusInfo: VDV463.VehicleStatusInfo(),
                                    vehicleChargingStatus: .unknown,
                                    preconditioningInfo: VDV463.PreconditioningInfo()
                                ),
                                chargingProcessInfo: VDV463.ChargingProcessInfo(
                                    chargingProcessId: "S-4f2a92",
                                    processStatus: .queued,
                                    startTime: at("2026-03-09T21:00:00Z"),
                                    chargingPredictionData: VDV463.ChargingPredictionData(chargingPredictionDataStatus: .finished),
                                    electricData: VDV463.ElectricData()
                                )
                            )
                        ],
                        chargingStationFaultInfo: VDV463.ChargingStationFaultInfo(
                            chargingStationFaultCode: .communicationFailure,
                            faultTimeStamp: at("2026-03-09T21:05:00Z")
                        )
                    )
                ]
            )
        ]
    )

    /// Name (file stem) and message of every representative frame.
    static let all: [(name: String, message: VDV463.Message)] = [
        ("BootNotification.request", message(0, "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", .bootNotification(.init(presystem: .bms)), source: "BMS")),
        (
            "BootNotification.confirmation.accepted",
            message(0.085, "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d90", .bootNotificationConfirmation(.init(status: .accepted)))
        ),
        (
            "BootNotification.confirmation.rejected",
            message(0.085, "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d91", .bootNotificationConfirmation(.init(status: .rejected)))
        ),
        (
            "BootNotification.error",
            message(
                1, "6b7f0a3e-2c41-4d8a-9e55-0f3a1c2b7d92",
                .error(.bootNotification, .init(errorMessage: "invalid payload: presystem: required field missing")))
        ),
        (
            "ProvideChargingRequests.request.full",
            message(10, "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4e5", .chargingRequests(.init(chargingRequestList: [fullRequest])), source: "BMS")
        ),
        (
            "ProvideChargingRequests.request.empty",
            message(11, "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4e6", .chargingRequests(.init(chargingRequestList: [])), source: "BMS")
        ),
        ("ProvideChargingRequests.confirmation", message(10.06, "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4e5", .chargingRequestsConfirmation)),
        (
            "ProvideChargingRequests.error",
            message(
                10.06,
                "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4e5",
                .error(.provideChargingRequests, .init(errorMessage: "duplicate chargingRequestId CR-0309-112 in chargingRequestList"))
            )
        ),
        (
            "ProvideChargingInformation.request.full",
            message(15, "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f", .chargingInformation(fullChargingInformation))
        ),
        (
            "ProvideChargingInformation.request.unknown-vehicle",
            message(30, "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e70", .chargingInformation(unknownVehicleChargingInformation))
        ),
        (
            "ProvideChargingInformation.request.empty",
            message(45, "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e71", .chargingInformation(.init(depotInfoList: [])))
        ),
        (
            "ProvideChargingInformation.confirmation",
            message(15.4, "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f", .chargingInformationConfirmation, source: "BMS")
        ),
        (
            "ProvideChargingInformation.error",
            message(
                15.4,
                "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f",
                .error(.provideChargingInformation, .init(errorMessage: "unknown depotId")),
                source: "BMS"
            )
        ),
    ]
}
