public import DepotModel
public import Foundation

/// A charging session as the depot sees it right now: who charges, for which stay, and the latest
/// meter readings. Persisted facts (start, stop, samples) are in the store; this is their live view.
public struct LiveSession: Hashable, Sendable, Codable {
    /// `<charger>:<transaction>`: unique per depot, stable across restarts, usable in a URL path.
    public let id: ChargingSessionID
    /// Where the vehicle is plugged in.
    public let connector: ConnectorAddress
    /// The charger's transaction id.
    public let transaction: String
    /// The token the session started with (RFID, `MAC:…` autocharge, EVCCID or VIN).
    public let idToken: String
    /// The identified vehicle; nil for a public user.
    public var vehicle: VehicleID?
    /// The tenant the session is billed to; nil when no tenant claims an unknown token.
    public var tenant: TenantID?
    /// The timetable stay the session serves.
    public var entry: TimetableEntryID?
    /// When the charger started the transaction.
    public let startedAt: Date
    /// The energy register at the start.
    public let meterStart: KilowattHours
    /// The latest energy register.
    public var register: KilowattHours
    /// The latest measured power.
    public var power: Kilowatts = .zero
    /// The latest state of charge the vehicle reported.
    public var reportedSoC: Percent?
    /// When the latest meter sample was taken.
    public var sampledAt: Date?
    /// Enforcement holds the session at zero power (`hold` action, buffer before a reservation).
    public var held = false
    /// An operator's cap through the API.
    public var manualCap: Kilowatts?

    /// Energy delivered so far.
    public var energy: KilowattHours { KilowattHours(max(0, register.value - meterStart.value)) }

    /// Creates the live view of a just-started transaction.
    public init(
        connector: ConnectorAddress, transaction: String, idToken: String, vehicle: VehicleID?, tenant: TenantID?, entry: TimetableEntryID?,
        startedAt: Date, meterStart: KilowattHours
    ) {
        id = ChargingSessionID("\(connector.charger.rawValue):\(transaction)")
        self.connector = connector
        self.transaction = transaction
        self.idToken = idToken
        self.vehicle = vehicle
        self.tenant = tenant
        self.entry = entry
        self.startedAt = startedAt
        self.meterStart = meterStart
        register = meterStart
    }
}
