import Foundation

/// One line of `busbar simulate` output: how the simulated depot is doing.
public struct SimulationSummary: Hashable, Sendable, CustomStringConvertible {
    public var stations: Int
    public var connected: Int
    public var charging: Int
    public var powerKW: Double
    /// Frames sent and received per wall-clock second since the previous summary.
    public var framesPerSecond: Double
    public var framesTotal: Int

    public var description: String {
        "connected \(connected)/\(stations)  charging \(charging)  drawing \(String(format: "%.1f", powerKW)) kW  "
            + "\(String(format: "%.0f", framesPerSecond)) msg/s  \(framesTotal) msgs"
    }
}
