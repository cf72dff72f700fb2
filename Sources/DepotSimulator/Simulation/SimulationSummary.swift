import Foundation

/// One line of `busbar simulate` output: how the simulated depot is doing.
public struct SimulationSummary: Hashable, Sendable, CustomStringConvertible {
    /// Stations simulated.
    public var stations: Int
    /// Stations with an open WebSocket.
    public var connected: Int
    /// Connectors in state Charging.
    public var charging: Int
    /// Total power drawn, kW.
    public var powerKW: Double
    /// Frames sent and received per wall-clock second since the previous summary.
    public var framesPerSecond: Double
    /// Frames sent and received since the start.
    public var framesTotal: Int

    /// The line `busbar simulate` prints.
    public var description: String {
        "connected \(connected)/\(stations)  charging \(charging)  drawing \(String(format: "%.1f", powerKW)) kW  "
            + "\(String(format: "%.0f", framesPerSecond)) msg/s  \(framesTotal) msgs"
    }
}
