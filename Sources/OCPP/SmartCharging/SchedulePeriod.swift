import Foundation

/// A period of a schedule in the unit the station gets, before it becomes a 1.6 or 2.0.1 type.
struct SchedulePeriod: Hashable {
    /// Seconds after `startSchedule`.
    let startPeriod: Int
    /// The limit in the schedule's unit, rounded down to one decimal.
    let limit: Double
}
