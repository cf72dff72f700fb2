public import Foundation

/// One stretch of pre-conditioning of a virtual bus: from the first answer with `prec_dsrd` 1 to
/// the first with 0 again, or to its departure.
public struct PreconditioningEpisode: Hashable, Sendable {
    /// The bus's VIN.
    public var vin: String
    /// The token it charges with, to find its visit.
    public var idToken: String
    /// When it started drawing pre-conditioning power (clock time).
    public var start: Date
    /// When it stopped; nil while it still runs.
    public var stop: Date?
    /// The climate mode (`prec_hvac`) Busbar asked for at the start.
    public var climateMode: Int
    /// The power drawn besides the battery, kW.
    public var powerKW: Double

    /// An episode that has just started.
    public init(vin: String, idToken: String, start: Date, climateMode: Int, powerKW: Double) {
        self.vin = vin
        self.idToken = idToken
        self.start = start
        self.climateMode = climateMode
        self.powerKW = powerKW
    }
}
