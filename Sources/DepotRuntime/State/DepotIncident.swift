public import DepotModel
public import Foundation

/// Something that happened at the depot that people may need to know about: enforcement decisions,
/// chargers going offline, predicted misses. Kept for the API, the live map and notifications.
public struct DepotIncident: Hashable, Sendable, Codable {
    /// What kind of event this is; raw values follow docs/policy-api.md's event names.
    public enum Kind: String, Hashable, Sendable, Codable {
        case wrongVehicle = "wrong_vehicle"
        case bufferStart = "buffer_start"
        case noShow = "no_show"
        case departureReached = "departure_reached"
        case unknownToken = "unknown_token"
        case areaDenied = "area_denied"
        case chargerOffline = "charger_offline"
        case fault
        case profileRejected = "profile_rejected"
        case willMissDeparture = "will_miss_departure"
        case departureReminder = "departure_reminder"
        case policyFailed = "policy_failed"
        case configReloadFailed = "config_reload_failed"
        case sessionStoppedUnexpectedly = "session_stopped_unexpectedly"
        case socNotProgressing = "soc_not_progressing"
        case availabilityChanged = "availability_changed"
        case powerLimitChanged = "power_limit_changed"
    }

    /// The kind of event.
    public let kind: Kind
    /// When Busbar noticed it.
    public let at: Date
    /// The tenant whose object is concerned, for tenant-scoped views.
    public let tenant: TenantID?
    /// The vehicle concerned.
    public let vehicle: VehicleID?
    /// The connector concerned.
    public let connector: ConnectorAddress?
    /// What happened and what Busbar did, in words.
    public let message: String
    /// For a departure reminder: seconds relative to the departure (negative: before).
    public let offset: Int?
    /// The departure of the stay it is about, where there is one: incidents about a vehicle are
    /// per departure.
    public let departure: Date?
    /// When its condition cleared (the charger is back, the bus left …); nil while it holds or
    /// for events that do not clear, such as enforcement decisions.
    public internal(set) var clearedAt: Date?

    /// An event as noticed.
    public init(
        kind: Kind, at: Date, tenant: TenantID? = nil, vehicle: VehicleID? = nil, connector: ConnectorAddress? = nil, message: String,
        offset: Int? = nil, departure: Date? = nil
    ) {
        self.kind = kind
        self.at = at
        self.tenant = tenant
        self.vehicle = vehicle
        self.connector = connector
        self.message = message
        self.offset = offset
        self.departure = departure
    }
}
