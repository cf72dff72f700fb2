import Foundation

/// The last rise of a running session's state of charge — or of its energy register when the
/// vehicle reports no SoC — so a bus that should be charging but stands still is noticed.
struct SessionProgress: Sendable {
    /// The SoC in % or the register in kWh, whichever `bySoC` says.
    var value: Double
    var bySoC: Bool
    /// Since when the value has not risen while the session was allowed to charge.
    var since: Date
    /// The `soc_not_progressing` incident raised for this stall, if any.
    var incident: DepotIncident?

    /// The smallest rise that counts: half a SoC point, or 0.1 kWh.
    var step: Double { bySoC ? 0.5 : 0.1 }
}
