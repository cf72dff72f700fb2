public import DepotModel

/// The change-significance filter (docs/ocpp.md §13.2): a decrease always goes out, an increase only
/// when it exceeds 1 kW or 5 %, so chargers are not flooded with profiles for noise.
public struct LimitChangeFilter: Sendable {
    /// Increases above this many kW are significant (1 kW).
    public let absolute: Kilowatts
    /// Increases above this share of the limit in force are significant (5 %).
    public let relative: Double

    public init(absolute: Kilowatts = 1, relative: Double = 0.05) {
        self.absolute = absolute
        self.relative = relative
    }

    /// Whether a new limit is worth sending, given the one in force (nil: none yet).
    public func isSignificant(from previous: Kilowatts?, to next: Kilowatts) -> Bool {
        guard let previous else { return true }
        if next < previous { return true }
        let rise = next.value - previous.value
        return rise > absolute.value || rise > relative * previous.value
    }

    /// The limits of an allocation that should be sent, given those in force.
    public func changes(from inForce: [ConnectorAddress: Kilowatts], to allocation: Allocation) -> [SessionLimit] {
        allocation.limits.filter { isSignificant(from: inForce[$0.id], to: $0.power) }
    }
}
