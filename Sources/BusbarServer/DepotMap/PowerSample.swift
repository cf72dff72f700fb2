import Foundation

/// The site's measured power and its grid limit at one instant: one point of the depot map's
/// night chart.
struct PowerSample: Hashable, Sendable, Codable {
    let at: Date
    let powerKw: Double
    let limitKw: Double
}
