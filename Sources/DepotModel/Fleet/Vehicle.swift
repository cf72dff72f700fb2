import Foundation

/// A bus or truck of a tenant's fleet, with the master data the planner needs.
public struct Vehicle: Hashable, Codable, Sendable, Identifiable {
    public let id: VehicleID
    /// Vehicle identification number; also the VDV 261 user name and the VDV 463 `vehicleId`.
    public let vin: String?
    public let tenant: TenantID
    /// Usable battery capacity.
    public let batteryCapacity: KilowattHours
    /// The most the vehicle accepts (grid side).
    public let maxPower: Kilowatts
    /// Grid-to-battery efficiency (0.93 by default, docs/solver.md §2.1).
    public let efficiency: Double
    /// Optional taper: points in ascending SoC; empty means flat at `maxPower`.
    public let powerCurve: [PowerCurvePoint]
    /// Tokens the vehicle identifies with at a connector: RFID uids, `MAC:` autocharge addresses,
    /// ISO 15118 EVCCIDs.
    public let idTokens: [String]
    public let vdv261Password: SecretReference?

    public init(
        id: VehicleID, vin: String? = nil, tenant: TenantID, batteryCapacity: KilowattHours, maxPower: Kilowatts,
        efficiency: Double = 0.93, powerCurve: [PowerCurvePoint] = [], idTokens: [String] = [],
        vdv261Password: SecretReference? = nil
    ) {
        self.id = id
        self.vin = vin
        self.tenant = tenant
        self.batteryCapacity = batteryCapacity
        self.maxPower = maxPower
        self.efficiency = efficiency
        self.powerCurve = powerCurve
        self.idTokens = idTokens
        self.vdv261Password = vdv261Password
    }

    /// The most the vehicle accepts at a state of charge, from its power curve.
    public func maxPower(atStateOfCharge soc: Percent) -> Kilowatts {
        guard let first = powerCurve.first else { return maxPower }
        if soc <= first.stateOfCharge { return min(maxPower, first.maxPower) }
        for (lower, upper) in zip(powerCurve, powerCurve.dropFirst()) where soc <= upper.stateOfCharge {
            let span = upper.stateOfCharge - lower.stateOfCharge
            let share = span.value > 0 ? (soc - lower.stateOfCharge) / span : 1
            return min(maxPower, lower.maxPower + (upper.maxPower - lower.maxPower) * share)
        }
        return min(maxPower, powerCurve.last!.maxPower)
    }

    /// Whether a token presented at a connector identifies this vehicle: one of its tokens (RFID,
    /// `MAC:` autocharge / EVCCID) or its VIN as ISO 15118 chargers report it; case-insensitive, as
    /// readers differ in hex case.
    public func isIdentified(by token: String) -> Bool {
        idTokens.contains { $0.caseInsensitiveCompare(token) == .orderedSame } || vin?.caseInsensitiveCompare(token) == .orderedSame
    }
}
