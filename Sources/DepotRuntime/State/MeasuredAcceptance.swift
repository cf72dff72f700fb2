import DepotModel
import Foundation

/// What a running session was seen to take while it was allowed clearly more: its grid-side
/// power, at which SoC, and when.
struct MeasuredAcceptance: Hashable, Sendable {
    let power: Kilowatts
    let stateOfCharge: Percent
    let at: Date
}
