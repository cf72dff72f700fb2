public import Foundation

/// Turns the power solver's limits into SetChargingProfile calls that a station enforces and
/// that stay safe when Busbar is unreachable (docs/ocpp.md §13). Pure: time comes in as `now`.
public struct ProfileBuilder: Sendable {
    /// The charger the profiles are for.
    public let capabilities: ChargerCapabilities
    /// The charger's fail-safe share in W (§13.3): the TxDefaultProfile, and what every
    /// TxProfile falls back to after the validity horizon.
    public let failSafeWatts: Double
    /// How long the allocator's limit holds in a TxProfile before the fail-safe share (15 min).
    public let validityHorizon: Duration

    /// `startSchedule` lies this far in the past, because a "now" start can arrive in the future.
    static let startLeadSeconds = 60

    /// Prepares profiles for one charger.
    public init(capabilities: ChargerCapabilities, failSafeWatts: Double, validityHorizon: Duration = .seconds(900)) {
        self.capabilities = capabilities
        self.failSafeWatts = failSafeWatts
        self.validityHorizon = validityHorizon
    }

    /// The station cap at connector 0, stack level 0: the charger's physical share of its circuit.
    public func stationMaximum(watts: Double, now: Date) -> OutgoingCall {
        call(.stationMaximum, connector: 0, stackLevel: 0, periods: [period(at: 0, watts: watts)], duration: nil, transaction: nil, now: now)
    }

    /// The fail-safe TxDefaultProfile at connector 0, stack level 0, installed from the first
    /// accepted boot on.
    public func failSafeDefault(now: Date) -> OutgoingCall {
        call(.failSafeDefault, connector: 0, stackLevel: 0, periods: [period(at: 0, watts: failSafeWatts)], duration: nil, transaction: nil, now: now)
    }

    /// The TxProfile of a running transaction: the allocator's limits for the validity horizon,
    /// then the fail-safe share until the transaction ends; equal neighbours merged, cut to the
    /// station's period count by shortening the horizon.
    /// - Parameters:
    ///   - limits: the solver's steps; offsets at or beyond the horizon are ignored.
    public func sessionProfile(connector: Int, transaction: ChargingTransactionID, limits: [LimitStep], now: Date) -> OutgoingCall {
        let horizon = Int(validityHorizon.components.seconds)
        let steps = limits.filter { $0.offsetSeconds < horizon }.sorted { $0.offsetSeconds < $1.offsetSeconds }
        let stackLevel = min(1, capabilities.maxStackLevel)
        if capabilities.maxPeriods == 1 {
            // One period: the current limit for the horizon; then the station falls back to the
            // fail-safe TxDefaultProfile.
            let periods = [period(at: 0, watts: steps.first?.watts ?? failSafeWatts)]
            return call(
                .session, connector: connector, stackLevel: stackLevel, periods: periods, duration: horizon + Self.startLeadSeconds,
                transaction: transaction, now: now)
        }
        var periods = steps.map { period(at: $0.offsetSeconds <= 0 ? 0 : $0.offsetSeconds + Self.startLeadSeconds, watts: $0.watts) }
        if periods.first?.startPeriod != 0 {
            periods.insert(period(at: 0, watts: failSafeWatts), at: 0)
        }
        periods.append(period(at: horizon + Self.startLeadSeconds, watts: failSafeWatts))
        periods = Self.merged(periods)
        if periods.count > capabilities.maxPeriods {
            let cut = periods[capabilities.maxPeriods - 1].startPeriod
            periods = Self.merged(Array(periods.prefix(capabilities.maxPeriods - 1)) + [period(at: cut, watts: failSafeWatts)])
        }
        return call(.session, connector: connector, stackLevel: stackLevel, periods: periods, duration: nil, transaction: transaction, now: now)
    }

    // MARK: - Units and rounding

    /// The unit the station gets: W for DC where allowed, A per phase for AC where allowed.
    var unit: ChargerCapabilities.RateUnit {
        let allowed = capabilities.allowedUnits
        switch capabilities.supply {
        case .dc: return allowed.isEmpty || allowed.contains(.watts) ? .watts : .amperes
        case .ac: return allowed.isEmpty || allowed.contains(.amperes) ? .amperes : .watts
        }
    }

    /// `numberPhases` for AC schedules (always written: absent means 3); nil for DC.
    var numberPhases: Int? {
        if case .ac(let phases, _) = capabilities.supply { return phases }
        return nil
    }

    /// A limit in the station's unit: never between 0 and the minimum, rounded down to 0.1.
    func period(at startPeriod: Int, watts: Double) -> SchedulePeriod {
        let power = watts < capabilities.minimumWatts || !watts.isFinite ? 0 : watts
        var value = power
        if unit == .amperes {
            switch capabilities.supply {
            case .ac(let phases, let volts): value = power / (volts * Double(max(1, phases)))
            case .dc(let volts): value = power / volts
            }
        }
        guard value.isFinite else { return SchedulePeriod(startPeriod: startPeriod, limit: 0) }
        return SchedulePeriod(startPeriod: startPeriod, limit: max(0, (value * 10 + 1e-6).rounded(.down) / 10))
    }

    static func merged(_ periods: [SchedulePeriod]) -> [SchedulePeriod] {
        var result: [SchedulePeriod] = []
        for period in periods {
            if let last = result.last, last.startPeriod == period.startPeriod {
                result[result.count - 1] = period
            } else if result.last?.limit != period.limit {
                result.append(period)
            }
        }
        return result
    }
}
