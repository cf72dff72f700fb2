import DepotModel
import Foundation

/// Watches whether a running session takes what it is allowed. A bus that draws clearly less than
/// its limit for a while (an EV-side limit, a cold battery, taper its master data does not know)
/// is planned and predicted from what it takes (docs/solver.md §5: "actual draw … when the EV takes
/// less"), instead of from a maximum it never reaches.
struct AcceptanceWatch: Sendable {
    /// The newest meter sample looked at, so each counts once.
    var sampledAt: Date?
    /// Since when every sample drew well below the limit in force; nil while the session takes what it may.
    var shortSince: Date?
    /// What it takes, once it has drawn below its limit for long enough.
    var measured: MeasuredAcceptance?

    /// Well below a limit: under 90 % of it and more than 2 kW under it (meter noise and the
    /// charger's own regulation stay inside that band).
    static func isWellBelow(_ power: Kilowatts, limit: Kilowatts) -> Bool {
        power.value < limit.value * 0.9 && limit.value - power.value > 2
    }

    /// The grid-side maximum to plan the session with: what it takes plus a margin, so that a
    /// bus that could take more still shows it by reaching the limit the plan leads to.
    var plannedMaximum: Kilowatts? {
        measured.map { Kilowatts($0.power.value * 1.1 + 2) }
    }

    /// Looks at one meter sample of the session.
    /// - Parameters:
    ///   - limit: the limit in force at the charger.
    ///   - settledSince: samples before this instant still show the charger ramping to its latest limit.
    ///   - after: how long a session must stay well below its limit to count as taking less.
    /// - Returns: whether the measured acceptance changed enough to plan again.
    mutating func observe(power: Kilowatts, soc: Percent, limit: Kilowatts, settledSince: Date, sampledAt: Date, after: TimeInterval) -> Bool {
        guard sampledAt != self.sampledAt else { return false }
        self.sampledAt = sampledAt
        guard sampledAt >= settledSince else { return false }
        if Self.isWellBelow(power, limit: limit) {
            let since = shortSince ?? sampledAt
            shortSince = since
            guard sampledAt.timeIntervalSince(since) >= after else { return false }
            let changed = measured.map { abs($0.power.value - power.value) > max(2, 0.1 * $0.power.value) } ?? true
            measured = MeasuredAcceptance(power: power, stateOfCharge: soc, at: sampledAt)
            return changed
        }
        shortSince = nil
        // It takes what it may, and more than it was measured to take: the old measure is void.
        if let old = measured, power.value >= old.power.value * 1.05 + 1 {
            measured = nil
            return true
        }
        return false
    }
}
