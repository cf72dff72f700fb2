public import Foundation

/// One charging transaction at one connector, as the depot picture holds it.
public struct ChargingSession: Hashable, Codable, Sendable, Identifiable {
    public let id: ChargingSessionID
    public let connector: ConnectorAddress
    /// The tenant the energy is billed to; nil while the vehicle is unidentified.
    public let tenant: TenantID?
    public let vehicle: VehicleID?
    /// The token the session was started with (RFID, `MAC:…`, EVCCID).
    public let idToken: String?
    public let startedAt: Date
    public let stoppedAt: Date?
    public let stopReason: SessionStopReason?
    /// The energy register at the start (OCPP `meterStart`).
    public let meterStart: KilowattHours
    /// Energy delivered so far.
    public let energy: KilowattHours
    /// Last measured power and SoC, when the charger reports them.
    public let power: Kilowatts?
    public let stateOfCharge: Percent?

    public init(
        id: ChargingSessionID, connector: ConnectorAddress, tenant: TenantID?, vehicle: VehicleID?, idToken: String?,
        startedAt: Date, stoppedAt: Date? = nil, stopReason: SessionStopReason? = nil, meterStart: KilowattHours = .zero,
        energy: KilowattHours = .zero, power: Kilowatts? = nil, stateOfCharge: Percent? = nil
    ) {
        self.id = id
        self.connector = connector
        self.tenant = tenant
        self.vehicle = vehicle
        self.idToken = idToken
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.stopReason = stopReason
        self.meterStart = meterStart
        self.energy = energy
        self.power = power
        self.stateOfCharge = stateOfCharge
    }

    /// Whether the session is still running.
    public var isActive: Bool { stoppedAt == nil }
}
