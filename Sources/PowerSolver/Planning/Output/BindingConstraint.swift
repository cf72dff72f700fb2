public import DepotModel
public import Foundation

/// A constraint that keeps a vehicle short, named for people: "site limit 01:00–04:30",
/// "circuit hall-b 02:00–03:15", "charger max 150 kW", "battery taper", "dwell too short"
/// (docs/solver.md §4).
public struct BindingConstraint: Hashable, Codable, Sendable {
    /// What binds.
    public enum Kind: Hashable, Codable, Sendable {
        /// The grid connection's limit.
        case siteLimit
        /// The peak the plan chose in stage 2 (below the site limit).
        case peak
        /// A circuit of the tree, by node id.
        case circuit(String)
        /// The vehicle's own maximum power (charger, vehicle or policy cap).
        case chargerMax(Kilowatts)
        /// The battery's taper: it accepts less near full than the charger could give.
        case batteryTaper
        /// The vehicle cannot take its energy even alone at full power.
        case dwellTooShort
    }

    public let kind: Kind
    /// The span over which it binds; nil for the vehicle-wide kinds.
    public let span: Range<Date>?

    public init(kind: Kind, span: Range<Date>?) {
        self.kind = kind
        self.span = span
    }

    /// The text for alerts and the decision log, with times in the depot's zone.
    public func summary(in timeZone: TimeZone) -> String {
        let name =
            switch kind {
            case .siteLimit: "site limit"
            case .peak: "planned peak"
            case .circuit(let id): "circuit \(id)"
            case .chargerMax(let power): "charger max \(power)"
            case .batteryTaper: "battery taper"
            case .dwellTooShort: "dwell too short"
            }
        guard let span else { return name }
        return "\(name) \(Self.clock(span.lowerBound, timeZone))–\(Self.clock(span.upperBound, timeZone))"
    }

    private static func clock(_ instant: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
