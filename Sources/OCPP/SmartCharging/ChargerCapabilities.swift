import Foundation

/// What the profile builder must know about a charger: from the depot file and the capability
/// probe after boot (docs/ocpp.md §12.1, §12.2). Until the probe succeeds, `maxStackLevel` stays 0.
public struct ChargerCapabilities: Hashable, Sendable {
    /// How the charger delivers energy, which decides the unit of its limits.
    public enum Supply: Hashable, Sendable {
        /// AC: limits in A per phase over `phases` phases at the nominal line-to-neutral voltage.
        case ac(phases: Int, lineToNeutralVolts: Double)
        /// DC: limits in W; `volts` converts to A for stations that accept only A (measured DC
        /// voltage or the battery's nominal voltage).
        case dc(volts: Double)
    }

    /// A rate unit a station accepts (`ChargingScheduleAllowedChargingRateUnit` / `RateUnit`).
    public enum RateUnit: Hashable, Sendable {
        /// `W`.
        case watts
        /// `A` (per phase on AC).
        case amperes
    }

    /// The protocol version, which decides the message types.
    public let version: OCPPVersion
    /// AC or DC, with what the unit conversion needs.
    public let supply: Supply
    /// The units the station accepts.
    public let allowedUnits: Set<RateUnit>
    /// The probed `ChargeProfileMaxStackLevel` / `ProfileStackLevel`; never exceeded.
    public let maxStackLevel: Int
    /// The probed `ChargingScheduleMaxPeriods` / `PeriodsPerSchedule`.
    public let maxPeriods: Int
    /// The smallest non-zero limit the connector can follow, in W (AC: 6 A per phase; DC: the
    /// module floor). Smaller limits become 0 (pause).
    public let minimumWatts: Double

    /// Describes a charger.
    public init(version: OCPPVersion, supply: Supply, allowedUnits: Set<RateUnit>, maxStackLevel: Int = 0, maxPeriods: Int, minimumWatts: Double) {
        self.version = version
        self.supply = supply
        self.allowedUnits = allowedUnits
        self.maxStackLevel = max(0, maxStackLevel)
        self.maxPeriods = max(1, maxPeriods)
        self.minimumWatts = minimumWatts
    }
}
