public import Foundation

/// The charging profiles a station holds and the composite limit they give (OCPP 1.6 §3.13,
/// 2.0.1 K08): per purpose the valid profile with the highest stack level wins, a TxProfile
/// overrides the TxDefaultProfile, and the station maximum caps both.
public struct ProfileStack: Hashable, Sendable {
    /// Every installed profile, in installation order.
    public private(set) var profiles: [SimulatedProfile] = []
    /// Line-to-neutral voltage used to turn an ampere limit into power.
    public let phaseVoltage: Double

    /// - Parameters:
    ///   - phaseVoltage: volts per phase for A↔W conversion (230 V nominal).
    public init(phaseVoltage: Double = 230) {
        self.phaseVoltage = phaseVoltage
    }

    /// Installs `profile`, replacing one with the same id or the same purpose, stack level,
    /// connector (and transaction for a TxProfile), as OCPP requires.
    public mutating func install(_ profile: SimulatedProfile) {
        profiles.removeAll { existing in
            existing.id == profile.id
                || (existing.purpose == profile.purpose && existing.stackLevel == profile.stackLevel
                    && existing.connectorId == profile.connectorId && existing.transactionId == profile.transactionId)
        }
        profiles.append(profile)
    }

    /// Removes the profiles matching every given criterion and tells whether any matched.
    public mutating func clear(id: Int?, connectorId: Int?, purpose: SimulatedProfile.Purpose?, stackLevel: Int?) -> Bool {
        let before = profiles.count
        profiles.removeAll { profile in
            if let id { return profile.id == id }
            if let connectorId, profile.connectorId != connectorId { return false }
            if let purpose, profile.purpose != purpose { return false }
            if let stackLevel, profile.stackLevel != stackLevel { return false }
            return true
        }
        return profiles.count != before
    }

    /// Drops the TxProfiles of a finished transaction (they end with it).
    public mutating func removeProfiles(ofTransaction transactionId: String) {
        profiles.removeAll { $0.purpose == .tx && $0.transactionId == transactionId }
    }

    /// The station-wide cap in kW at `time`, nil when none is in force.
    public func stationLimitKW(at time: Date) -> Double? {
        winner(.stationMax, connectorId: 0, transactionId: nil, transactionStart: nil, at: time)
    }

    /// The limit in kW for one connector at `time` (its TxProfile or TxDefaultProfile, capped by
    /// the station maximum), nil when no profile constrains it.
    /// - Parameters:
    ///   - transactionId: the running transaction, if any; TxProfiles only apply to it.
    ///   - transactionStart: the anchor of relative schedules.
    public func limitKW(connectorId: Int, transactionId: String?, transactionStart: Date?, at time: Date) -> Double? {
        var session: Double?
        if let transactionId {
            session = winner(.tx, connectorId: connectorId, transactionId: transactionId, transactionStart: transactionStart, at: time)
        }
        if session == nil {
            session =
                winner(.txDefault, connectorId: connectorId, transactionId: nil, transactionStart: transactionStart, at: time)
                ?? winner(.txDefault, connectorId: 0, transactionId: nil, transactionStart: transactionStart, at: time)
        }
        let station = stationLimitKW(at: time)
        switch (session, station) {
        case (let session?, let station?): return min(session, station)
        case (let session?, nil): return session
        case (nil, let station): return station
        }
    }

    /// The composite schedule of a connector (0: the station cap alone) over `seconds` from
    /// `start`, as (offset, kW) steps with equal neighbours merged; `unconstrainedKW` stands
    /// where no profile limits.
    public func compositeSchedule(
        connectorId: Int, transactionId: String?, transactionStart: Date?, from start: Date, seconds: Int, unconstrainedKW: Double
    ) -> [(offset: Int, kilowatts: Double)] {
        let end = start.addingTimeInterval(Double(seconds))
        var instants = Set([start])
        for profile in profiles {
            instants.formUnion(profile.changeInstants(from: start, to: end, transactionStart: transactionStart))
        }
        var steps: [(offset: Int, kilowatts: Double)] = []
        for instant in instants.sorted() {
            let limit =
                connectorId == 0
                ? stationLimitKW(at: instant)
                : limitKW(connectorId: connectorId, transactionId: transactionId, transactionStart: transactionStart, at: instant)
            let value = min(limit ?? unconstrainedKW, unconstrainedKW)
            if steps.last?.kilowatts == value { continue }
            steps.append((Int(instant.timeIntervalSince(start).rounded(.down)), value))
        }
        return steps
    }

    /// The highest-stack-level profile of `purpose` on `connectorId` that is in force, in kW.
    private func winner(
        _ purpose: SimulatedProfile.Purpose, connectorId: Int, transactionId: String?, transactionStart: Date?, at time: Date
    ) -> Double? {
        var best: (level: Int, kilowatts: Double)?
        for profile in profiles where profile.purpose == purpose && profile.connectorId == connectorId {
            if purpose == .tx, profile.transactionId != nil, profile.transactionId != transactionId { continue }
            guard let period = profile.period(at: time, transactionStart: transactionStart) else { continue }
            if let best, best.level >= profile.stackLevel { continue }
            best = (profile.stackLevel, kilowatts(period, unit: profile.unit))
        }
        return best?.kilowatts
    }

    /// One period's limit as power.
    private func kilowatts(_ period: SimulatedProfile.Period, unit: SimulatedProfile.RateUnit) -> Double {
        switch unit {
        case .watts: period.limit / 1000
        case .amperes: period.limit * phaseVoltage * Double(period.numberPhases ?? 3) / 1000
        }
    }
}
