public import DepotModel

/// What a vehicle reported over VDV 261 about its pre-conditioning needs, in Busbar's units (the
/// endpoint has applied the depot's scale factors and SNA values). The runtime passes it to the
/// `preconditioning` policy for the stay the vehicle is on when it reports.
public struct VehicleReport: Hashable, Sendable, Codable {
    /// The vehicle that reported.
    public let vehicle: VehicleID
    /// `bat_reqtime`: how long the HV battery needs to pre-condition.
    public let batteryTime: Duration?
    /// `prec_reqtime`: how long the cabin needs to pre-condition.
    public let cabinTime: Duration?
    /// `bat_eamount`: battery energy need, pre-conditioning included.
    public let batteryEnergy: KilowattHours?
    /// `prec_eamount`: cabin pre-conditioning energy.
    public let cabinEnergy: KilowattHours?

    /// A report; what the vehicle did not send stays nil.
    public init(
        vehicle: VehicleID, batteryTime: Duration? = nil, cabinTime: Duration? = nil, batteryEnergy: KilowattHours? = nil,
        cabinEnergy: KilowattHours? = nil
    ) {
        self.vehicle = vehicle
        self.batteryTime = batteryTime
        self.cabinTime = cabinTime
        self.batteryEnergy = batteryEnergy
        self.cabinEnergy = cabinEnergy
    }
}
