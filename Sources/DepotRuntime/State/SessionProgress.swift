import DepotModel
import Foundation

/// Where a running session stood when it last gained charge, so a bus that should be charging but
/// stands still is noticed. Energy is the fine measure (SoC often arrives in whole points, which a
/// slow session needs an hour to pass); a rising SoC counts too, for chargers that send no register.
struct SessionProgress: Sendable {
    var energy: KilowattHours
    var soc: Percent?
    /// Since when it has not gained while it was allowed to charge.
    var since: Date
    /// The `soc_not_progressing` incident raised for this stall, if any.
    var incident: DepotIncident?

    /// Whether the session gained since this point: 0.1 kWh, or one SoC point.
    func isPassed(by session: LiveSession) -> Bool {
        session.energy.value >= energy.value + 0.1 || (soc.map { old in session.reportedSoC.map { $0.value >= old.value + 1 } ?? false } ?? false)
    }
}
