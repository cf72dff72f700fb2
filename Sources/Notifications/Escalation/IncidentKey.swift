public import DepotModel

/// Names one condition operators are told about, so raising it again while it is unresolved is
/// recognised and not enqueued twice (the depot runtime raises on every re-evaluation).
public struct IncidentKey: Hashable, Sendable {
    /// What an incident is about.
    public enum Subject: Hashable, Sendable {
        case depot
        case vehicle(VehicleID)
        case charger(ChargerID)
        case connector(ChargerID, Int)

        var text: String {
            switch self {
            case .depot: "depot"
            case .vehicle(let vehicle): "vehicle:\(vehicle)"
            case .charger(let charger): "charger:\(charger)"
            case .connector(let charger, let connector): "connector:\(charger)/\(connector)"
            }
        }
    }

    public let depot: DepotID
    /// The operational event kind (`charger_offline`, `will_miss_departure`, …); webhooks select by it.
    public let kind: String
    public let subject: Subject
    /// What tells two incidents of the same kind and subject apart, e.g. the departure time of a
    /// `will_miss_departure` (ISO 8601), so tomorrow's departure is a new incident.
    public let detail: String?

    public init(depot: DepotID, kind: String, subject: Subject, detail: String? = nil) {
        self.depot = depot
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }

    /// The stable text stored in the database: `kind|subject[|detail]` (the depot is its own column).
    public var text: String {
        ([kind, subject.text] + (detail.map { [$0] } ?? [])).joined(separator: "|")
    }
}
