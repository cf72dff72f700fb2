public import DepotModel
public import Foundation

/// `ev` of an `escalation.on_event(ctx, ev)` call: something operators may need to hear about.
public struct OperationalEvent: Codable, Sendable, Hashable {
    /// The event kinds of docs/policy-api.md.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case departureReminder = "departure_reminder"
        case overstay
        case chargerOffline = "charger_offline"
        case sessionStoppedUnexpectedly = "session_stopped_unexpectedly"
        case socNotProgressing = "soc_not_progressing"
        case fault
        case availabilityChanged = "availability_changed"
        case powerLimitChanged = "power_limit_changed"
        case willMissDeparture = "will_miss_departure"
        case policyFailed = "policy_failed"
        case configReloadFailed = "config_reload_failed"
    }

    public var kind: Kind
    public var at: Date
    public var tenant: TenantID?
    public var vehicle: VehicleID?
    public var charger: ChargerID?
    public var connectorId: Int?
    public var departure: Date?
    /// For `departure_reminder`: which entry of `M.departure_reminders` fired (seconds).
    public var offsetS: Int?
    public var soc: Percent?
    public var message: String?

    public init(
        kind: Kind, at: Date, tenant: TenantID? = nil, vehicle: VehicleID? = nil, charger: ChargerID? = nil,
        connectorId: Int? = nil, departure: Date? = nil, offsetS: Int? = nil, soc: Percent? = nil, message: String? = nil
    ) {
        self.kind = kind
        self.at = at
        self.tenant = tenant
        self.vehicle = vehicle
        self.charger = charger
        self.connectorId = connectorId
        self.departure = departure
        self.offsetS = offsetS
        self.soc = soc
        self.message = message
    }
}
