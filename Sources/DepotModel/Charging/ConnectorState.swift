/// A connector's operational state, the union of OCPP 1.6 `ChargePointStatus` and 2.0.1
/// `ConnectorStatusEnumType` (2.0.1 reports `Occupied` where 1.6 distinguishes the phases of a
/// session).
public enum ConnectorState: String, Hashable, Codable, Sendable, CaseIterable {
    case available = "Available"
    case preparing = "Preparing"
    case charging = "Charging"
    case suspendedEV = "SuspendedEV"
    case suspendedEVSE = "SuspendedEVSE"
    case finishing = "Finishing"
    case occupied = "Occupied"
    case reserved = "Reserved"
    case unavailable = "Unavailable"
    case faulted = "Faulted"
}
